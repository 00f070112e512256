import Foundation
import GRDB
public import LeadModel
import StoreContract

extension SQLiteLeadStore {
    /// The lead with this id, or `nil`.
    public func lead(id: LeadID) throws -> Lead? {
        try read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(Lead.selectedColumns) FROM lead WHERE id = ?"),
                arguments: [id.description]
            ).map(Lead.init(row:))
        }
    }

    /// The lead stored under this dedupe key, or `nil`.
    public func lead(dedupeKey key: String) throws -> Lead? {
        try read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(Lead.selectedColumns) FROM lead WHERE dedupe_key = ?"),
                arguments: [key]
            ).map(Lead.init(row:))
        }
    }

    /// Leads whose id starts with `prefix` (case-insensitive), smallest id first, at most `limit`.
    public func leads(idPrefix prefix: String, limit: Int) throws -> [Lead] {
        let lower = prefix.lowercased()
        // Ids are lower-case hex and hyphens, all below "~": a range scan on the primary key.
        return try read { db in
            try Lead.leads(
                rows: Row.fetchAll(
                    db,
                    sql: "SELECT \(Lead.selectedColumns) FROM lead WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                    arguments: [lower, lower + "~", max(limit, 0)]
                ))
        }
    }

    /// Leads in `stage` (all when `nil`) in the order they were first stored, at most `limit`.
    public func leads(stage: LifecycleStage?, limit: Int?) throws -> [Lead] {
        // A negative LIMIT is no limit in SQLite. With a stage, the `lead_stage` index (which
        // carries the rowid) gives the rows already in order.
        let limit = limit.map { max($0, 0) } ?? -1
        return try read { db in
            if let stage {
                return try Lead.leads(
                    rows: Row.fetchAll(
                        db.cachedStatement(
                            sql: "SELECT \(Lead.selectedColumns) FROM lead WHERE stage = ? ORDER BY rowid LIMIT ?"),
                        arguments: [stage.rawValue, limit]
                    ))
            }
            return try Lead.leads(
                rows: Row.fetchAll(
                    db.cachedStatement(sql: "SELECT \(Lead.selectedColumns) FROM lead ORDER BY rowid LIMIT ?"),
                    arguments: [limit]
                ))
        }
    }

    /// Leads that rescoring may move (stage `new`, `nurturing`, `mql` or `recycled`: not
    /// ``LifecycleStage/isFrozenForRescoring``), by id, after `lastID`, at most `limit`: a
    /// keyset page. Pass the last id of one page to get the next; an empty page is the end.
    public func leadsForRescoring(after lastID: LeadID?, limit: Int) throws -> [Lead] {
        let stages = LifecycleStage.allCases.filter { !$0.isFrozenForRescoring }.map(\.rawValue)
        let placeholders = Array(repeating: "?", count: stages.count).joined(separator: ", ")
        return try read { db in
            try Lead.leads(
                rows: Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT \(Lead.selectedColumns) FROM lead
                            WHERE stage IN (\(placeholders)) AND id > ? ORDER BY id LIMIT ?
                            """),
                    arguments: StatementArguments(stages + [lastID?.description ?? "", max(limit, 0)])
                ))
        }
    }

    /// One keyset page of all leads in id order (every stage): those with an id after `lastID`
    /// (from the start when `nil`), at most `limit`. For reports and calibration over every lead.
    public func leads(after lastID: LeadID?, limit: Int) throws -> [Lead] {
        try read { db in
            try Lead.leads(
                rows: Row.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT \(Lead.selectedColumns) FROM lead WHERE id > ? ORDER BY id LIMIT ?"),
                    arguments: [lastID?.description ?? "", max(limit, 0)]
                ))
        }
    }

    /// The number of stored leads.
    public func leadCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead") ?? 0 }
    }

    /// Number of leads per stage; stages with none are absent.
    public func leadCountsByStage() throws -> [LifecycleStage: Int] {
        try read { db in
            var counts: [LifecycleStage: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT stage, COUNT(*) FROM lead GROUP BY stage") {
                let text: String = row[0]
                guard let stage = LifecycleStage(rawValue: text) else {
                    throw LeadStoreError.corruptRow(table: "lead", detail: "unknown stage '\(text)'")
                }
                counts[stage] = row[1]
            }
            return counts
        }
    }

    /// Number of leads per source; leads without a source are counted under `nil`.
    public func leadCountsBySource() throws -> [String?: Int] {
        try read { db in
            var counts: [String?: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT source, COUNT(*) FROM lead GROUP BY source") {
                counts[row[0] as String?] = row[1]
            }
            return counts
        }
    }

    /// Number of leads with a recorded outcome, split by `won`.
    public func outcomeCounts() throws -> (won: Int, notWon: Int) {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(outcome_won = 1), 0), COALESCE(SUM(outcome_won = 0), 0) FROM lead
                    """)
            return (won: row?[0] ?? 0, notWon: row?[1] ?? 0)
        }
    }
}
