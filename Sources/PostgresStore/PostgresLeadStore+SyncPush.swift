public import Foundation
import LeadModel
public import StoreContract
public import SyncProtocol

extension PostgresLeadStore: SyncStore {
    /// Applies pushes in one transaction, each in a savepoint of its own (see
    /// ``SyncStore/applyPushes(_:at:)``). Across processes: the client binding's row is locked
    /// before its last applied id is read, so the same device's push sent to two processes at once
    /// is applied by one and answered `duplicate` by the other; each lead's row is locked before
    /// ``MutationRules`` decides on it.
    public func applyPushes(_ pushes: [PendingPush], at date: Date) throws -> [Result<PushAnswer, any Error>] {
        try write { session in
            var outcomes: [Result<PushAnswer, any Error>] = []
            for (index, push) in pushes.enumerated() {
                // Pipelined: a database error in any of a push's statements fails the whole
                // transaction when it is waited for, as it would have here.
                session.enqueue("SAVEPOINT push_\(index)")
                do {
                    let answer = try Self.apply(push, at: date, in: session)
                    session.enqueue("RELEASE SAVEPOINT push_\(index)")
                    outcomes.append(.success(answer))
                } catch let error as SyncError {
                    _ = try? session.flush()
                    try session.execute("ROLLBACK TO SAVEPOINT push_\(index)")
                    outcomes.append(.failure(error))
                } catch let error as LeadStoreError {
                    _ = try? session.flush()
                    try session.execute("ROLLBACK TO SAVEPOINT push_\(index)")
                    outcomes.append(.failure(error))
                }
            }
            return outcomes
        }
    }

    private static func apply(_ push: PendingPush, at date: Date, in session: PostgresSession) throws -> PushAnswer {
        let rep = push.repID.description
        let clientID = push.clientID
        var binding = try clientBinding(clientID, in: session)
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
            binding = try clientBinding(clientID, in: session)
            guard let bound = binding, bound.rep == rep else { throw SyncError.forbidden }
            // Another process may have bound it first and applied a push: answer from its state.
            lastAppliedBefore = bound.lastApplied ?? 0
            if let answer = forgotten() { return answer }
        }
        let lastApplied = binding?.lastApplied
        // Every lead the push's applied mutations name, row-locked and read, then kept as the
        // mutations change them (each is decided on the state the ones before it left).
        let applies = PushSequencing.appliedMask(push.mutations, after: lastApplied)
        let named = Array(Set(zip(push.leadIDTexts, applies).compactMap { $1 ? $0 : nil }))
        var states: [String: LeadMutationState] = [:]
        if !named.isEmpty {
            // Locked first, then read (the read pipelined behind the lock): a statement that waited
            // for a lock would see the owners as they were before the wait; the next statement sees
            // what the lock holder committed.
            session.enqueue("SELECT 1 FROM lead WHERE id = ANY($1) ORDER BY id FOR UPDATE", [named])
            for row in try session.sendRows(
                """
                SELECT l.id, l.stage, a.rep_id FROM lead l LEFT JOIN lead_assignment a ON a.lead_id = l.id
                WHERE l.id = ANY($1)
                """, [named]
            ).wait() {
                guard let stage = LifecycleStage(rawValue: try row.requiredText(1)) else { continue }
                states[try row.requiredText(0)] = LeadMutationState(
                    stage: stage, isOwnedByPusher: try row.text(2) == rep)
            }
        }
        var batch = PostgresPushBatch(repID: rep, states: states, at: date)
        let (results, run) = try PushSequencing.answer(
            push, lastApplied: lastApplied,
            recordedHash: { try recordedPayloadHash(clientID: clientID, mutationID: $0, in: session) },
            apply: { mutation, index in batch.apply(mutation, leadID: push.leadIDTexts[index]) })
        try batch.finish(in: session)
        if let run {
            let outcomes = String(decoding: try JSONEncoder().encode(run.outcomes), as: UTF8.self)
            session.enqueue(
                """
                INSERT INTO client_mutation_batch
                    (client_id, last_mutation_id, first_mutation_id, payload_hashes, outcomes, applied_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                """, [clientID, run.last, run.first, run.hashes, outcomes, date.timeIntervalSince1970])
            session.enqueue(
                "UPDATE client_binding SET last_applied_id = $1 WHERE client_id = $2", [run.last, clientID])
            session.enqueue(
                "DELETE FROM client_mutation_batch WHERE client_id = $1 AND last_mutation_id <= $2",
                [clientID, run.last - PushSequencing.retainedPayloadHashes])
        }
        return PushAnswer(results: results, lastAppliedBefore: lastAppliedBefore)
    }

    /// The client's binding, its row locked until the transaction ends.
    private static func clientBinding(_ clientID: String, in session: PostgresSession) throws
        -> (rep: String, lastApplied: Int64?)?
    {
        try session.rows(
            "SELECT rep_id, last_applied_id FROM client_binding WHERE client_id = $1 FOR UPDATE", [clientID]
        ).first.map { (try $0.requiredText(0), try $0.int64(1)) }
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
