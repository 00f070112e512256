import Foundation
import GRDB
import LeadModel
import SyncProtocol

extension SQLiteLeadStore {
    /// Appends an upsert of `leadID` to `repID`'s change log, inside the caller's write
    /// transaction, and carries the rep's ``ScopeDigest`` forward (the lead enters the scope at
    /// the new row's sequence, or moves to it).
    ///
    /// Commit order: the sequence is taken in the same write transaction as the change. SQLite
    /// allows one writer at a time, so sequences commit in order and a reader never sees a
    /// sequence whose predecessors are still uncommitted. A PostgreSQL implementation cannot rely
    /// on that (a sequence value taken by a transaction that commits later than one with a higher
    /// value would be skipped by a cursor; see ARCHITECTURE.md): it must serialise change-log
    /// writers (for example a transaction-scoped advisory lock around the insert) or only serve
    /// rows below the oldest in-flight transaction's snapshot (`pg_snapshot_xmin`).
    /// - Returns: the new row's sequence.
    @discardableResult
    static func logUpsert(repID: String, leadID: String, at date: Date, in db: Database) throws -> Int64 {
        var digest = try latestDigest(repID: repID, in: db)
        let previous = try latestEntry(repID: repID, leadID: leadID, in: db)
        let seq = try insertLogRow(
            repID: repID, leadID: leadID, kind: "upsert", reason: nil, at: date, digest: digest, in: db)
        let lead = LeadID(uuidString: leadID)!
        if let previous, previous.isUpsert {
            digest.update(leadID: lead, from: previous.seq, to: seq)
        } else {
            digest.insert(leadID: lead, version: seq)
        }
        try storeDigest(digest, seq: seq, in: db)
        return seq
    }

    /// Appends a removal (a tombstone) of `leadID` from `repID`'s scope, inside the caller's write
    /// transaction; nothing when the lead is not in that rep's scope.
    /// - Returns: the new row's sequence, or `nil` when nothing was written.
    @discardableResult
    static func logRemoval(
        repID: String, leadID: String, reason: RemovalReason, at date: Date, in db: Database
    ) throws -> Int64? {
        guard let previous = try latestEntry(repID: repID, leadID: leadID, in: db), previous.isUpsert else {
            return nil
        }
        var digest = try latestDigest(repID: repID, in: db)
        let seq = try insertLogRow(
            repID: repID, leadID: leadID, kind: "removal", reason: reason, at: date, digest: digest, in: db)
        digest.remove(leadID: LeadID(uuidString: leadID)!, version: previous.seq)
        try storeDigest(digest, seq: seq, in: db)
        return seq
    }

    /// Logs an upsert for the lead's owner, when it has one (a change to a lead in a rep's scope:
    /// score, contact fields, notes). Called inside the caller's write transaction.
    static func logUpsertForOwner(leadID: String, at date: Date, in db: Database) throws {
        guard
            let owner = try String.fetchOne(
                db.cachedStatement(sql: "SELECT rep_id FROM lead_assignment WHERE lead_id = ?"), arguments: [leadID])
        else { return }
        try logUpsert(repID: owner, leadID: leadID, at: date, in: db)
    }

    /// Keeps the change log in step with a stage change made through ``transition(_:)``: a lead
    /// that stays in its owner's scope gets an upsert; one that leaves it loses its owner and gets
    /// a removal with the reason its new stage implies.
    static func logStageChange(leadID: String, to stage: LifecycleStage, at date: Date, in db: Database) throws {
        guard
            let owner = try String.fetchOne(
                db.cachedStatement(sql: "SELECT rep_id FROM lead_assignment WHERE lead_id = ?"), arguments: [leadID])
        else { return }
        if stage.isInRepScope {
            try logUpsert(repID: owner, leadID: leadID, at: date, in: db)
            return
        }
        let reason: RemovalReason
        switch stage {
        case .recycled, .nurturing, .new, .mql: reason = .recycled
        case .disqualified: reason = .disqualified
        case .converted: reason = .converted
        case .assigned, .accepted: return
        }
        try db.cachedStatement(sql: "DELETE FROM lead_assignment WHERE lead_id = ?").execute(arguments: [leadID])
        try logRemoval(repID: owner, leadID: leadID, reason: reason, at: date, in: db)
    }

    /// The rep's scope digest after its latest change-log row with a sequence at most `seq`
    /// (after its latest row when `nil`); empty before the first.
    static func digest(repID: String, atOrBefore seq: Int64?, in db: Database) throws -> ScopeDigest {
        let row: Row?
        if let seq {
            row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT scope_count, scope_hash FROM change_log
                        WHERE rep_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1
                        """),
                arguments: [repID, seq])
        } else {
            row = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT scope_count, scope_hash FROM change_log WHERE rep_id = ? ORDER BY seq DESC LIMIT 1"),
                arguments: [repID])
        }
        guard let row else { return .empty }
        return ScopeDigest(count: row[0], hash: UInt64(bitPattern: row[1]))
    }

    private struct LogEntry {
        let seq: Int64
        let isUpsert: Bool
    }

    private static func latestDigest(repID: String, in db: Database) throws -> ScopeDigest {
        try digest(repID: repID, atOrBefore: nil, in: db)
    }

    private static func latestEntry(repID: String, leadID: String, in db: Database) throws -> LogEntry? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT seq, kind FROM change_log WHERE rep_id = ? AND lead_id = ? ORDER BY seq DESC LIMIT 1
                    """),
            arguments: [repID, leadID]
        ).map { LogEntry(seq: $0[0], isUpsert: ($0[1] as String) == "upsert") }
    }

    private static func insertLogRow(
        repID: String, leadID: String, kind: String, reason: RemovalReason?, at date: Date, digest: ScopeDigest,
        in db: Database
    ) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO change_log (rep_id, lead_id, kind, removal_reason, at, scope_count, scope_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            repID, leadID, kind, reason?.rawValue, date.timeIntervalSince1970, digest.count,
            Int64(bitPattern: digest.hash),
        ])
        return db.lastInsertedRowID
    }

    private static func storeDigest(_ digest: ScopeDigest, seq: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE change_log SET scope_count = ?, scope_hash = ? WHERE seq = ?")
            .execute(arguments: [digest.count, Int64(bitPattern: digest.hash), seq])
    }
}
