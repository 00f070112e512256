public import Foundation
import GRDB
import LeadModel
public import StoreContract
public import SyncProtocol

extension SQLiteLeadStore {
    /// Applies pushes in one write transaction, each in a savepoint of its own (SPEC §5 rule 5;
    /// see ``SyncStore/applyPushes(_:at:)``): group commit. The pushes that reach the writer
    /// together share one commit (one WAL fsync under `synchronous = FULL`) and write the pages
    /// they share once; a push that fails (client bound to another rep, unknown rep) rolls back
    /// its own savepoint only.
    ///
    /// Per push: the first push of a client binds it to the rep and may start at any id (the
    /// device's outbox may have numbered mutations before its first push). Then each id must be
    /// the last applied id plus one; an id at or below it is a `duplicate` (same payload hash) or
    /// a `conflict`; an id above the next is a `gap` and is not recorded. A permanent rejection
    /// advances the last applied id like an applied mutation (no poisoned queue).
    ///
    /// Per batch, not per mutation: the client's binding is read once; which ids will be applied
    /// follows from the ids alone, so the leads they name are read in one query (``PushBatch``);
    /// the stage moves and the change log (one row per touched lead, ``ChangeLogBatch``) are
    /// written after the loop, with one statement each; the payload hashes of the applied ids (one
    /// row for the push's run of ids) and the last applied id once.
    public func applyPushes(_ pushes: [PendingPush], at date: Date) throws -> [Result<PushAnswer, any Error>] {
        // The payload hashes and lead texts were computed with each PendingPush: the writer is
        // held only for reads and writes.
        try write { db in
            var outcomes: [Result<PushAnswer, any Error>] = []
            outcomes.reserveCapacity(pushes.count)
            for push in pushes {
                var answer = PushAnswer(results: [], lastAppliedBefore: nil)
                do {
                    try db.inSavepoint {
                        answer = try Self.apply(push, at: date, in: db)
                        return .commit
                    }
                    outcomes.append(.success(answer))
                } catch let error as SyncError {
                    outcomes.append(.failure(error))
                } catch let error as LeadStoreError {
                    outcomes.append(.failure(error))
                }
            }
            return outcomes
        }
    }

    /// One push's effects, inside the group's transaction (see ``applyPushes(_:at:)``).
    /// - Throws: ``SyncError/forbidden``, ``LeadStoreError/repNotFound(_:)``, a database error.
    private static func apply(_ push: PendingPush, at date: Date, in db: Database) throws -> PushAnswer {
        let repID = push.repID
        let rep = repID.description
        let clientID = push.clientID
        let mutations = push.mutations
        var lastApplied: Int64?
        let binding = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT rep_id, last_applied_id FROM client_binding WHERE client_id = ?"),
            arguments: [clientID])
        if let binding {
            guard (binding[0] as String) == rep else { throw SyncError.forbidden }
            lastApplied = binding[1]
        }
        // Always stated (0 for a client new to this store): a device reads an absent value as a
        // server that does not reconcile.
        let lastAppliedBefore = lastApplied ?? 0
        // The device has answers this store does not remember: the store was restored from an
        // earlier backup. Nothing is applied or bound; every mutation is a gap, and the answer
        // says what the store has, so that the device sends the forgotten ones again, in order.
        if let acknowledged = push.acknowledgedThrough, acknowledged > (lastApplied ?? 0) {
            return PushAnswer(
                results: mutations.map { PushResult(mutationID: $0.mutationID, outcome: .rejected(.gap)) },
                lastAppliedBefore: lastAppliedBefore)
        }
        if binding == nil {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM rep WHERE id = ?", arguments: [rep]) != nil else {
                throw LeadStoreError.repNotFound(repID)
            }
            try db.execute(
                sql: "INSERT INTO client_binding (client_id, rep_id, first_seen_at) VALUES (?, ?, ?)",
                arguments: [clientID, rep, date.timeIntervalSince1970])
        }
        let leadTexts = push.leadIDTexts
        let applies = PushSequencing.appliedMask(mutations, after: lastApplied)
        var batch = try PushBatch(
            repID: repID, leadIDs: zip(leadTexts, applies).compactMap { $1 ? $0 : nil }, at: date, in: db)
        let (results, run) = try PushSequencing.answer(
            push, lastApplied: lastApplied,
            recordedHash: { try Self.recordedPayloadHash(clientID: clientID, mutationID: $0, in: db) },
            apply: { mutation, index in try batch.apply(mutation, leadID: leadTexts[index], in: db) })
        try batch.finish(in: db)
        // The run of ids this push records (see `v6-push-batch-payloads`).
        if let run {
            try db.cachedStatement(
                sql: """
                    INSERT INTO client_mutation_batch
                        (client_id, last_mutation_id, first_mutation_id, payload_hashes, outcomes, applied_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                clientID, run.last, run.first, run.hashes,
                String(decoding: try JSONEncoder().encode(run.outcomes), as: UTF8.self),
                date.timeIntervalSince1970,
            ])
            try db.cachedStatement(sql: "UPDATE client_binding SET last_applied_id = ? WHERE client_id = ?")
                .execute(arguments: [run.last, clientID])
            try db.cachedStatement(
                sql: "DELETE FROM client_mutation_batch WHERE client_id = ? AND last_mutation_id <= ?"
            ).execute(arguments: [clientID, run.last - PushSequencing.retainedPayloadHashes])
        }
        return PushAnswer(results: results, lastAppliedBefore: lastAppliedBefore)
    }

    /// The payload hash recorded for the client's mutation id, from the run that holds it; `nil`
    /// when none does (pruned, or never recorded).
    /// - Throws: a database error.
    private static func recordedPayloadHash(clientID: String, mutationID: Int64, in db: Database) throws -> String? {
        guard
            let run = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT first_mutation_id, payload_hashes FROM client_mutation_batch
                        WHERE client_id = ? AND last_mutation_id >= ? ORDER BY last_mutation_id LIMIT 1
                        """),
                arguments: [clientID, mutationID])
        else { return nil }
        let first: Int64 = run[0]
        guard first <= mutationID else { return nil }
        return PushSequencing.payloadHash(of: mutationID, inRunFrom: first, hashes: run[1])
    }

}
