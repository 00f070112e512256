import Foundation
import GRDB
import LeadModel
import StoreContract
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
        var change = ChangeLogBatch(repID: repID)
        change.upsert(leadID: leadID)
        guard let seq = try change.write(at: date, in: db) else {
            preconditionFailure("an upsert always writes its change-log row")
        }
        return seq
    }

    /// Appends a removal (a tombstone) of `leadID` from `repID`'s scope, inside the caller's write
    /// transaction; nothing when the lead is not in that rep's scope.
    /// - Returns: the new row's sequence, or `nil` when nothing was written.
    @discardableResult
    static func logRemoval(
        repID: String, leadID: String, reason: RemovalReason, at date: Date, in db: Database
    ) throws -> Int64? {
        var change = ChangeLogBatch(repID: repID)
        change.remove(leadID: leadID, reason: reason)
        return try change.write(at: date, in: db)
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
}
