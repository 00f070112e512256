package import SyncProtocol

/// The order rules of one push (SPEC §5 rule 5), the same for every store: a mutation id at or
/// below the client's last applied id is a `duplicate` (the same payload as recorded, or one no
/// longer recorded) or a `conflict` (another payload under that id); the next id is applied; any
/// other id waits as a `gap`, and so does everything after a conflict (the device renumbers what
/// follows it). What an applied mutation does to its lead is ``MutationRules``' decision, which the
/// store persists in `apply`.
package enum PushSequencing {
    /// The ids a push records: its first and last applied id, their payload hashes (16 hex digits
    /// each, in id order) and their outcomes' words.
    package struct RecordedRun: Sendable {
        package var first: Int64
        package var last: Int64
        package var hashes: String
        package var outcomes: [String]
    }

    /// Which of `mutations` will be applied after `lastApplied` (each applied one, effect or
    /// permanent refusal, advances the last applied id; nothing else does).
    package static func appliedMask(_ mutations: [Mutation], after lastApplied: Int64?) -> [Bool] {
        var next = lastApplied
        return mutations.map { mutation in
            // After the largest id there is no next one (and `+ 1` would trap): every id is refused.
            let applied = next.map { $0 < .max && mutation.mutationID == $0 + 1 } ?? true
            if applied { next = mutation.mutationID }
            return applied
        }
    }

    /// Answers every mutation of `push` in order.
    /// - Parameters:
    ///   - lastApplied: the client's last applied id before this push (`nil`: none yet).
    ///   - recordedHash: the payload hash the store recorded for an id of an earlier push, or `nil`.
    ///   - apply: persists the mutation at `index` (it is the next id) and returns its outcome.
    /// - Returns: the results, and the run to record (`nil` when nothing was applied).
    package static func answer(
        _ push: PendingPush, lastApplied: Int64?, recordedHash: (Int64) throws -> String?,
        apply: (Mutation, Int) throws -> PushOutcome
    ) throws -> (results: [PushResult], run: RecordedRun?) {
        let applies = appliedMask(push.mutations, after: lastApplied)
        var lastApplied = lastApplied
        var run: RecordedRun?
        var results: [PushResult] = []
        results.reserveCapacity(push.mutations.count)
        var conflicted = false
        for (index, mutation) in push.mutations.enumerated() {
            let hash = push.payloadHashes[index]
            if let last = lastApplied, mutation.mutationID <= last {
                let earlier =
                    if let run, mutation.mutationID >= run.first {
                        payloadHash(of: mutation.mutationID, inRunFrom: run.first, hashes: run.hashes)
                    } else {
                        try recordedHash(mutation.mutationID)
                    }
                let outcome: PushOutcome = earlier == nil || earlier == hash ? .duplicate : .rejected(.conflict)
                if outcome == .rejected(.conflict) { conflicted = true }
                results.append(PushResult(mutationID: mutation.mutationID, outcome: outcome))
                continue
            }
            guard applies[index], !conflicted else {
                results.append(PushResult(mutationID: mutation.mutationID, outcome: .rejected(.gap)))
                continue
            }
            let outcome = try apply(mutation, index)
            if run == nil {
                run = RecordedRun(first: mutation.mutationID, last: mutation.mutationID, hashes: "", outcomes: [])
            }
            run?.last = mutation.mutationID
            run?.hashes += hash
            run?.outcomes.append(outcomeText(outcome))
            lastApplied = mutation.mutationID
            results.append(PushResult(mutationID: mutation.mutationID, outcome: outcome))
        }
        return (results, run)
    }

    /// The hash of `mutationID` in a run starting at `first` whose hashes are `hashes`; `nil` when
    /// the run does not reach it.
    package static func payloadHash(of mutationID: Int64, inRunFrom first: Int64, hashes: String) -> String? {
        guard mutationID >= first else { return nil }
        let digits = hashes.utf8.dropFirst(Int(mutationID - first) * 16).prefix(16)
        return digits.count == 16 ? String(decoding: digits, as: UTF8.self) : nil
    }

    /// The word recorded for an outcome.
    package static func outcomeText(_ outcome: PushOutcome) -> String {
        switch outcome {
        case .applied: return "applied"
        case .duplicate: return "duplicate"
        case .rejected(let code): return code.rawValue
        }
    }

    /// Payload hashes are kept for the last 1,000 ids of each client (whole runs: a run reaching
    /// into them is kept with all its ids).
    package static let retainedPayloadHashes: Int64 = 1_000
}
