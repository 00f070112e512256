public import LeadModel
import StoreContract

extension PostgresLeadStore {
    public func lead(id: LeadID) throws -> Lead? {
        try read { try Self.fetchLeads($0, "WHERE id = $1", [id.description]).first }
    }

    public func lead(dedupeKey key: String) throws -> Lead? {
        try read { try Self.fetchLeads($0, "WHERE dedupe_key = $1", [key]).first }
    }

    public func lead(email: EmailAddress) throws -> Lead? {
        try read {
            try Self.fetchLeads($0, "WHERE email_normalized = $1 ORDER BY id LIMIT 1", [email.normalized]).first
        }
    }

    public func leads(idPrefix prefix: String, limit: Int) throws -> [Lead] {
        let lower = prefix.lowercased()
        return try read {
            try Self.fetchLeads(
                $0, "WHERE id >= $1 AND id < $2 ORDER BY id LIMIT $3", [lower, lower + "~", max(limit, 0)])
        }
    }

    /// In import order (the SQLite store's rowid order).
    public func leads(stage: LifecycleStage?, limit: Int?) throws -> [Lead] {
        let limitClause = limit.map { " LIMIT \(max($0, 0))" } ?? ""
        return try read { session in
            if let stage {
                return try Self.fetchLeads(
                    session, "WHERE stage = $1 ORDER BY import_order\(limitClause)", [stage.rawValue])
            }
            return try Self.fetchLeads(session, "ORDER BY import_order\(limitClause)")
        }
    }

    public func leadsForRescoring(after lastID: LeadID?, limit: Int) throws -> [Lead] {
        let stages = LifecycleStage.allCases.filter { !$0.isFrozenForRescoring }.map(\.rawValue)
        return try read {
            try Self.fetchLeads(
                $0, "WHERE stage = ANY($1) AND id > $2 ORDER BY id LIMIT $3",
                [stages, lastID?.description ?? "", max(limit, 0)])
        }
    }

    public func leads(after lastID: LeadID?, limit: Int) throws -> [Lead] {
        try read {
            try Self.fetchLeads($0, "WHERE id > $1 ORDER BY id LIMIT $2", [lastID?.description ?? "", max(limit, 0)])
        }
    }

    public func leadCount() throws -> Int {
        try read { Int(try $0.rows("SELECT count(*) FROM lead")[0].requiredInt64(0)) }
    }

    public func leadCountsByStage() throws -> [LifecycleStage: Int] {
        try read { session in
            var counts: [LifecycleStage: Int] = [:]
            for row in try session.rows("SELECT stage, count(*) FROM lead GROUP BY stage") {
                let text = try row.requiredText(0)
                guard let stage = LifecycleStage(rawValue: text) else {
                    throw LeadStoreError.corruptRow(table: "lead", detail: "unknown stage '\(text)'")
                }
                counts[stage] = Int(try row.requiredInt64(1))
            }
            return counts
        }
    }

    public func leadCountsBySource() throws -> [String?: Int] {
        try read { session in
            var counts: [String?: Int] = [:]
            for row in try session.rows("SELECT source, count(*) FROM lead GROUP BY source") {
                counts[try row.text(0)] = Int(try row.requiredInt64(1))
            }
            return counts
        }
    }

    public func outcomeCounts() throws -> (won: Int, notWon: Int) {
        try read { session in
            let row = try session.rows(
                "SELECT count(*) FILTER (WHERE outcome_won), count(*) FILTER (WHERE NOT outcome_won) FROM lead")[0]
            return (won: Int(try row.requiredInt64(0)), notWon: Int(try row.requiredInt64(1)))
        }
    }

    static func fetchLeads(_ session: PostgresSession, _ clause: String, _ parameters: [any SQLBindable] = []) throws
        -> [Lead]
    {
        try PostgresLeadRow.leads(
            session.rows("SELECT \(PostgresLeadRow.selectedColumns) FROM lead \(clause)", parameters))
    }
}
