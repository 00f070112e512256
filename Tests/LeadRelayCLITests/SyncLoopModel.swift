import Foundation
import LeadModel
import SyncProtocol

/// The reference model of the push rules (SPEC §3.1, §5 rules 5 and 11, issue 14): small, pure
/// Swift, written from the spec and not from the server's code. Given what the server holds for
/// the pushed leads and what it remembers of the client, it predicts every answer of a push.
struct SyncLoopModel: Sendable {
    /// What the server remembers of one device client id.
    struct Client: Sendable {
        var rep: RepID
        var lastApplied: Int64
        /// Each applied id's payload: the lead and the intent (the expected stage is not part of it).
        var payloads: [Int64: Payload]
    }

    /// What makes two mutations with one id the same push (SPEC §5 rule 5).
    struct Payload: Hashable, Sendable {
        var leadID: LeadID
        var intent: MutationIntent
    }

    /// A lead as the server holds it when the push arrives.
    struct LeadState: Sendable {
        var stage: LifecycleStage
        var owner: RepID?
    }

    /// The longest note, in Unicode scalars (the contract's `maxLength`).
    static let noteLimit = 4_000

    var clients: [String: Client] = [:]

    /// The answer the server must give, and the client table after it. `leads` holds the state of
    /// every pushed lead before the push; it is moved along as mutations apply.
    mutating func answer(rep: RepID, request: PushRequest, leads: [LeadID: LeadState]) -> PushAnswer {
        var leads = leads
        let known = clients[request.clientID]
        let before = known?.lastApplied ?? 0
        if let acknowledged = request.acknowledgedThrough, acknowledged > before {
            return PushAnswer(
                results: request.mutations.map { PushResult(mutationID: $0.mutationID, outcome: .rejected(.gap)) },
                lastAppliedBefore: before)
        }
        var client = known ?? Client(rep: rep, lastApplied: 0, payloads: [:])
        var last = known?.lastApplied
        var conflicted = false
        var results: [PushResult] = []
        for mutation in request.mutations {
            let payload = Payload(leadID: mutation.leadID, intent: mutation.intent)
            if let last, mutation.mutationID <= last {
                let same = client.payloads[mutation.mutationID].map { $0 == payload } ?? true
                if !same { conflicted = true }
                results.append(
                    PushResult(mutationID: mutation.mutationID, outcome: same ? .duplicate : .rejected(.conflict)))
                continue
            }
            // After a conflict, what follows waits (the device renumbers it, in order).
            guard !conflicted, last.map({ mutation.mutationID == $0 + 1 }) ?? true else {
                results.append(PushResult(mutationID: mutation.mutationID, outcome: .rejected(.gap)))
                continue
            }
            let outcome = Self.outcome(of: mutation, rep: rep, leads: &leads)
            last = mutation.mutationID
            client.lastApplied = mutation.mutationID
            client.payloads[mutation.mutationID] = payload
            results.append(PushResult(mutationID: mutation.mutationID, outcome: outcome))
        }
        if last != nil { clients[request.clientID] = client }
        return PushAnswer(results: results, lastAppliedBefore: before)
    }

    /// One mutation's outcome under the rules, in the order the spec states them: limits, the
    /// lead, the rep's scope, a stale view, then the intent against the transition table.
    static func outcome(of mutation: Mutation, rep: RepID, leads: inout [LeadID: LeadState]) -> PushOutcome {
        if let over = overLimit(mutation.intent), over { return .rejected(.tooLarge) }
        guard let lead = leads[mutation.leadID] else { return .rejected(.unknownLead) }
        guard lead.owner == rep, lead.stage == .assigned || lead.stage == .accepted else {
            return .rejected(.notAssigned)
        }
        let isVerdict: Bool
        switch mutation.intent {
        case .accept, .reject, .convert: isVerdict = true
        case .addNote, .correctContact: isVerdict = false
        }
        if isVerdict, let expected = mutation.expectedStage, expected != lead.stage { return .rejected(.stale) }
        switch mutation.intent {
        case .accept:
            guard lead.stage == .assigned else { return .rejected(.invalidTransition) }
            leads[mutation.leadID]?.stage = .accepted
        case .convert:
            guard lead.stage == .accepted else { return .rejected(.invalidTransition) }
            leads[mutation.leadID]?.stage = .converted
        case .reject(let reason, let note, _):
            guard let code = ReasonCode(rawValue: reason) else { return .rejected(.unknownReason) }
            let written = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if code == .other && written.isEmpty { return .rejected(.noteRequired) }
            // SPEC §3.2: the reasons that disqualify; every other one recycles.
            let disqualifying: Set<ReasonCode> = [
                .notICP, .competitor, .studentOrJobSeeker, .existingCustomer, .duplicate, .spam,
            ]
            leads[mutation.leadID]?.stage = disqualifying.contains(code) ? .disqualified : .recycled
        case .addNote(let text):
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .rejected(.invalidMutation) }
        case .correctContact(let correction):
            // SPEC §5 rule 5: fields trimmed and non-blank; a corrected email must be an email.
            let values = [
                correction.firstName, correction.lastName, correction.email, correction.phone, correction.title,
                correction.company,
            ].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            if values.isEmpty || values.contains(where: \.isEmpty) { return .rejected(.invalidMutation) }
            if let email = correction.email, !EmailAddress(email.trimmingCharacters(in: .whitespaces)).isValid {
                return .rejected(.invalidMutation)
            }
        }
        return .applied
    }

    /// Whether a note is over the contract's limit; `nil` for intents without one.
    static func overLimit(_ intent: MutationIntent) -> Bool? {
        switch intent {
        case .reject(_, let note, _): return (note?.unicodeScalars.count ?? 0) > noteLimit
        case .addNote(let text): return text.unicodeScalars.count > noteLimit
        default: return nil
        }
    }
}
