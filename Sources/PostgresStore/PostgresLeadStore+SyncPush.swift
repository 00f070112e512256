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
                try session.execute("SAVEPOINT push_\(index)")
                do {
                    let answer = try Self.apply(push, at: date, in: session)
                    try session.flush()
                    try session.execute("RELEASE SAVEPOINT push_\(index)")
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
        var changes: [(leadID: String, removal: RemovalReason?)] = []
        let actor = "rep:\(rep)"
        // Every lead the push's applied mutations name, read and row-locked in one statement, then
        // kept as the mutations change them (each is decided on the state the ones before it left).
        let applies = PushSequencing.appliedMask(push.mutations, after: lastApplied)
        let named = Array(Set(zip(push.leadIDTexts, applies).compactMap { $1 ? $0 : nil }))
        var states: [String: LeadMutationState] = [:]
        if !named.isEmpty {
            // Locked first, then read: a statement that waited for a lock would see the owners as
            // they were before the wait; the next statement sees what the lock holder committed.
            try session.execute("SELECT 1 FROM lead WHERE id = ANY($1) ORDER BY id FOR UPDATE", [named])
            for row in try session.rows(
                """
                SELECT l.id, l.stage, a.rep_id FROM lead l LEFT JOIN lead_assignment a ON a.lead_id = l.id
                WHERE l.id = ANY($1)
                """, [named])
            {
                guard let stage = LifecycleStage(rawValue: try row.requiredText(1)) else { continue }
                states[try row.requiredText(0)] = LeadMutationState(
                    stage: stage, isOwnedByPusher: try row.text(2) == rep)
            }
        }
        let (results, run) = try PushSequencing.answer(
            push, lastApplied: lastApplied,
            recordedHash: { try recordedPayloadHash(clientID: clientID, mutationID: $0, in: session) },
            apply: { mutation, index in
                let lead = push.leadIDTexts[index]
                let effect: MutationEffect
                switch MutationRules.effect(
                    of: mutation.intent, expectedStage: mutation.expectedStage, on: states[lead], at: date)
                {
                case .failure(let code): return .rejected(code)
                case .success(let decided): effect = decided
                }
                if let move = effect.stageMove {
                    try recordTransition(
                        StageTransitionRequest(
                            leadID: mutation.leadID, to: move.to, trigger: move.trigger, actor: actor, at: date,
                            reason: move.reason, note: move.note),
                        from: move.from, in: session)
                    states[lead]?.stage = move.to
                }
                if let until = effect.coolDownUntil {
                    recordCoolDown(leadID: lead, until: until.timeIntervalSince1970, in: session)
                }
                if let note = effect.note {
                    session.enqueue(
                        "INSERT INTO rep_note (lead_id, rep_id, text, created_at) VALUES ($1, $2, $3, $4)",
                        [lead, rep, note, date.timeIntervalSince1970])
                }
                if let correction = effect.contactCorrection { write(correction, to: lead, at: date, in: session) }
                if let reason = effect.leavesScope {
                    session.enqueue("DELETE FROM lead_assignment WHERE lead_id = $1", [lead])
                    states[lead]?.isOwnedByPusher = false
                    changes.append((lead, reason))
                } else {
                    changes.append((lead, nil))
                }
                return .applied
            })
        try appendChangeLog(repID: rep, changes: changes, at: date, in: session)
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

    /// Writes a validated contact correction's fields to the lead.
    private static func write(
        _ correction: ContactCorrection, to lead: String, at date: Date, in session: PostgresSession
    ) {
        var assignments: [String] = []
        var values: [SQLValue] = []
        func set(_ column: String, _ value: SQLValue) {
            values.append(value)
            assignments.append("\(column) = $\(values.count)")
        }
        for (column, value) in [
            ("first_name", correction.firstName), ("last_name", correction.lastName), ("phone", correction.phone),
            ("title", correction.title), ("company", correction.company),
        ] {
            if let value { set(column, .text(value)) }
        }
        if let text = correction.email {
            let email = EmailAddress(text)
            set("email", .text(email.address))
            set("email_normalized", .text(email.normalized))
            set("email_valid", .boolean(email.isValid))
        }
        set("updated_at", .double(date.timeIntervalSince1970))
        values.append(.text(lead))
        session.enqueue(
            "UPDATE lead SET \(assignments.joined(separator: ", ")) WHERE id = $\(values.count)", values)
    }
}
