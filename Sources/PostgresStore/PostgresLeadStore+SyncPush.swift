public import Foundation
import LeadModel
import PostgresNIO
public import StoreContract
public import SyncProtocol

extension PostgresLeadStore: SyncStore {
    /// Four: each group is a transaction on a connection of its own, waiting only on the client
    /// bindings, leads and rep scopes it shares with another (more than the two cores this was
    /// measured on keep busy while one group waits on a round trip).
    public var concurrentPushGroups: Int { 4 }

    /// Applies pushes in one transaction, each in a savepoint of its own (see
    /// ``SyncStore/applyPushes(_:at:)``). Across processes: the client binding's row is locked
    /// before its last applied id is read, so the same device's push sent to two processes at once
    /// is applied by one and answered `duplicate` by the other; each lead's row is locked before
    /// ``MutationRules`` decides on it.
    public func applyPushes(_ pushes: [PendingPush], at date: Date) throws -> [Result<PushAnswer, any Error>] {
        try write { session in
            // Applied in rep order (the same rep's pushes in arrival order): groups applied at once,
            // here or in another process, take the reps' change-log locks in one order.
            let order = pushes.indices.sorted {
                (pushes[$0].repID.description, $0) < (pushes[$1].repID.description, $1)
            }
            var outcomes: [Result<PushAnswer, any Error>?] = Array(repeating: nil, count: pushes.count)
            for index in order {
                let push = pushes[index]
                // Pipelined: a database error in any of a push's statements fails the whole
                // transaction when it is waited for, as it would have here.
                session.enqueue("SAVEPOINT push_\(index)")
                do {
                    let answer = try Self.apply(push, at: date, in: session)
                    session.enqueue("RELEASE SAVEPOINT push_\(index)")
                    outcomes[index] = .success(answer)
                } catch let error as SyncError {
                    _ = try? session.flush()
                    try session.execute("ROLLBACK TO SAVEPOINT push_\(index)")
                    outcomes[index] = .failure(error)
                } catch let error as LeadStoreError {
                    _ = try? session.flush()
                    try session.execute("ROLLBACK TO SAVEPOINT push_\(index)")
                    outcomes[index] = .failure(error)
                }
            }
            return outcomes.compactMap { $0 }
        }
    }

    private static func apply(_ push: PendingPush, at date: Date, in session: PostgresSession) throws -> PushAnswer {
        let rep = push.repID.description
        let clientID = push.clientID
        // One round trip: the client binding's row lock and read, every lead the push names
        // row-locked and read (each mutation is decided on the state the ones before it left),
        // then the rep's change-log lock and what appending to it reads. Locked first, then read:
        // a statement that waited for a lock would see the owners as they were before the wait;
        // the next statement sees what the lock holder committed. Leads before the scope, as every
        // writer takes them.
        let bindingRows = session.sendRows(
            "SELECT rep_id, last_applied_id FROM client_binding WHERE client_id = $1 FOR UPDATE", [clientID])
        let named = Array(Set(push.leadIDTexts))
        var stateRows: PostgresPendingRows?
        var changeLogReads: PendingChangeLogReads?
        if !named.isEmpty {
            session.enqueue("SELECT 1 FROM lead WHERE id = ANY($1) ORDER BY id FOR UPDATE", [named])
            stateRows = session.sendRows(
                """
                SELECT l.id, l.stage, a.rep_id FROM lead l LEFT JOIN lead_assignment a ON a.lead_id = l.id
                WHERE l.id = ANY($1)
                """, [named])
            changeLogReads = PostgresLeadStore.sendChangeLogReads(repID: rep, leadIDs: named, in: session)
        }
        var binding = try Self.binding(bindingRows.wait())
        var states: [String: LeadMutationState] = [:]
        for row in try stateRows?.wait() ?? [] {
            guard let stage = LifecycleStage(rawValue: try row.requiredText(1)) else { continue }
            states[try row.requiredText(0)] = LeadMutationState(stage: stage, isOwnedByPusher: try row.text(2) == rep)
        }
        if let binding, binding.rep != rep { throw SyncError.forbidden }
        var lastAppliedBefore = binding?.lastApplied ?? 0
        // A device with answers this store does not remember (a restore): every mutation is a gap.
        func forgotten() -> PushAnswer? {
            guard let acknowledged = push.acknowledgedThrough, acknowledged > lastAppliedBefore else { return nil }
            return PushAnswer(
                results: push.mutations.map { PushResult(mutationID: $0.mutationID, outcome: .rejected(.gap)) },
                lastAppliedBefore: lastAppliedBefore)
        }
        if let answer = forgotten() { return answer }
        if binding == nil {
            guard !(try session.rows("SELECT 1 FROM rep WHERE id = $1", [rep]).isEmpty) else {
                throw LeadStoreError.repNotFound(push.repID)
            }
            // Another process may bind the same new client at once: one insert wins, and both read
            // (and lock) the row that won.
            try session.execute(
                """
                INSERT INTO client_binding (client_id, rep_id, first_seen_at) VALUES ($1, $2, $3)
                ON CONFLICT (client_id) DO NOTHING
                """, [clientID, rep, date.timeIntervalSince1970])
            binding = try Self.binding(
                session.rows(
                    "SELECT rep_id, last_applied_id FROM client_binding WHERE client_id = $1 FOR UPDATE", [clientID]))
            guard let bound = binding, bound.rep == rep else { throw SyncError.forbidden }
            // Another process may have bound it first and applied a push: answer from its state.
            lastAppliedBefore = bound.lastApplied ?? 0
            if let answer = forgotten() { return answer }
        }
        let lastApplied = binding?.lastApplied
        var batch = PostgresPushBatch(repID: rep, states: states, at: date)
        let (results, run) = try PushSequencing.answer(
            push, lastApplied: lastApplied,
            recordedHash: { try recordedPayloadHash(clientID: clientID, mutationID: $0, in: session) },
            apply: { mutation, index in batch.apply(mutation, leadID: push.leadIDTexts[index]) })
        try batch.finish(changeLogReads: changeLogReads, in: session)
        if let run {
            let outcomes = String(decoding: try JSONEncoder().encode(run.outcomes), as: UTF8.self)
            // One statement: the run recorded, runs past the retained window dropped (the new one,
            // above it, is not among them), the client's last applied id moved on.
            session.enqueue(
                """
                WITH recorded AS (
                    INSERT INTO client_mutation_batch
                        (client_id, last_mutation_id, first_mutation_id, payload_hashes, outcomes, applied_at)
                    VALUES ($1, $2, $3, $4, $5, $6)
                ), dropped AS (
                    DELETE FROM client_mutation_batch WHERE client_id = $1 AND last_mutation_id <= $7
                )
                UPDATE client_binding SET last_applied_id = $2 WHERE client_id = $1
                """,
                [
                    clientID, run.last, run.first, run.hashes, outcomes, date.timeIntervalSince1970,
                    run.last - PushSequencing.retainedPayloadHashes,
                ])
        }
        return PushAnswer(results: results, lastAppliedBefore: lastAppliedBefore)
    }

    /// The client's binding read as `rep_id, last_applied_id` (its row locked until the
    /// transaction ends), `nil` for a client new to this store.
    private static func binding(_ rows: [PostgresRandomAccessRow]) throws -> (rep: String, lastApplied: Int64?)? {
        try rows.first.map { (try $0.requiredText(0), try $0.int64(1)) }
    }

    private static func recordedPayloadHash(clientID: String, mutationID: Int64, in session: PostgresSession) throws
        -> String?
    {
        guard
            let run = try session.rows(
                """
                SELECT first_mutation_id, payload_hashes FROM client_mutation_batch
                WHERE client_id = $1 AND last_mutation_id >= $2 ORDER BY last_mutation_id LIMIT 1
                """, [clientID, mutationID]
            ).first
        else { return nil }
        return PushSequencing.payloadHash(
            of: mutationID, inRunFrom: try run.requiredInt64(0), hashes: try run.requiredText(1))
    }
}
