import Foundation
import GRDB
public import LeadModel
public import SyncProtocol

extension LocalDatabase {
    /// The leads on the device with their pending verdicts, ranked by `sort`.
    /// - Parameters:
    ///   - stage: keeps only leads whose ``LocalLead/effectiveStage`` is this one; `nil` keeps all.
    ///   - sort: the order.
    ///   - limit: at most this many leads; `nil` for all.
    /// - Throws: ``LocalStoreError/corruptRow(table:detail:)`` or a GRDB `DatabaseError`.
    public func leads(stage: LifecycleStage? = nil, sort: LeadSort = .score, limit: Int? = nil) throws -> [LocalLead] {
        try writer.read { db in
            let order: String
            switch sort {
            case .score: order = "score_total IS NULL, score_total DESC, assigned_at, id"
            case .age: order = "assigned_at, id"
            }
            let pending = try Self.pendingVerdicts(db)
            let decoder = JSONDecoder()
            var leads: [LocalLead] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, document FROM lead ORDER BY \(order)")
            while let row = try rows.next() {
                let lead = LocalLead(lead: try Self.decodeLead(row, decoder: decoder), pendingVerdict: nil)
                var local = lead
                local.pendingVerdict = pending[lead.lead.leadID]
                if let stage, local.effectiveStage != stage { continue }
                leads.append(local)
                if let limit, leads.count >= limit { break }
            }
            return leads
        }
    }

    /// The number of leads on the device.
    /// - Throws: a GRDB `DatabaseError`.
    public func leadCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM lead") ?? 0 }
    }

    /// The one lead whose id starts with `prefix` (case-insensitive; a whole id works too).
    /// - Throws: ``LocalStoreError/noSuchLead(_:)``, ``LocalStoreError/ambiguousLead(_:matches:)``,
    ///   ``LocalStoreError/corruptRow(table:detail:)`` or a GRDB `DatabaseError`.
    public func lead(matching prefix: String) throws -> LocalLead {
        let needle = prefix.lowercased()
        return try writer.read { db in
            let escaped = needle.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, document FROM lead WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 2",
                arguments: [escaped + "%"])
            guard !needle.isEmpty, let row = rows.first else { throw LocalStoreError.noSuchLead(prefix) }
            if rows.count > 1 {
                let count =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM lead WHERE id LIKE ? ESCAPE '\\'", arguments: [escaped + "%"])
                    ?? 2
                throw LocalStoreError.ambiguousLead(prefix, matches: count)
            }
            let lead = try Self.decodeLead(row, decoder: JSONDecoder())
            return LocalLead(lead: lead, pendingVerdict: try Self.pendingVerdicts(db, leadID: lead.leadID)[lead.leadID])
        }
    }

    /// The removal recorded for a lead that left the device, with its reason, if any.
    /// - Throws: a GRDB `DatabaseError`.
    public func removal(of leadID: LeadID) throws -> RemovalReason? {
        try writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT reason FROM removal WHERE lead_id = ?", arguments: [leadID.description]
            )
            .flatMap(RemovalReason.init(rawValue:))
        }
    }

    /// The number of removals recorded per reason since the copy was last rebuilt.
    /// - Throws: a GRDB `DatabaseError`.
    public func removalCounts() throws -> [RemovalReason: Int] {
        try writer.read { db in
            var counts: [RemovalReason: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT reason, count(*) AS n FROM removal GROUP BY reason") {
                if let reason = RemovalReason(rawValue: row["reason"]) { counts[reason] = row["n"] }
            }
            return counts
        }
    }

    /// Decodes a lead row's JSON document.
    static func decodeLead(_ row: Row, decoder: JSONDecoder) throws -> SyncedLead {
        let data: Data = row["document"]
        do {
            return try decoder.decode(SyncedLead.self, from: data)
        } catch {
            throw LocalStoreError.corruptRow(table: "lead", detail: "lead \(row["id"] as String? ?? "?"): \(error)")
        }
    }

    /// The latest unsent verdict (accept, reject, convert) per lead.
    static func pendingVerdicts(_ db: Database, leadID: LeadID? = nil) throws -> [LeadID: MutationIntent] {
        var sql = """
            SELECT lead_id, payload FROM outbox
            WHERE state IN ('queued', 'sent') AND intent IN ('accept', 'reject', 'convert')
            """
        var arguments: StatementArguments = []
        if let leadID {
            sql += " AND lead_id = ?"
            arguments = [leadID.description]
        }
        sql += " ORDER BY mutation_id"
        let decoder = JSONDecoder()
        var verdicts: [LeadID: MutationIntent] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            guard let id = LeadID(uuidString: row["lead_id"]) else { continue }
            verdicts[id] = try decoder.decode(MutationIntent.self, from: row["payload"] as Data)
        }
        return verdicts
    }
}
