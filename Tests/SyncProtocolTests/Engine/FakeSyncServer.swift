import Foundation
import LeadModel
import SyncProtocol

/// An in-memory server that keeps the sync protocol's rules (SPEC §5): a change log in commit
/// order, pages collapsed per lead, removals, scope digests at the page's cursor, per-client
/// mutation numbering with duplicates, gaps and conflicts. Failures are injected on cue.
actor FakeSyncServer: SyncTransport {
    /// One change-log entry: a lead's state in the scope, or its removal.
    struct Entry {
        var sequence: Int64
        var leadID: LeadID
        var lead: SyncedLead?
        var removal: RemovalReason?
    }

    var epoch = UUID()
    var log: [Entry] = []
    var sequence: Int64 = 0
    var scope: [LeadID: SyncedLead] = [:]
    var lastApplied: [String: Int64] = [:]
    var payloads: [String: [Int64: Mutation]] = [:]
    var effects: [Int64] = []

    /// Errors thrown by the next pulls / pushes, one per call, before doing anything.
    var pullFailures: [any Error] = []
    var pushFailures: [any Error] = []
    /// When set, a push is applied and then this error is thrown instead of the answer (a lost response).
    var dropNextPushAnswer: (any Error)?
    /// Called at the start of every push (tests queue a mutation "while the push runs").
    var onPush: (@Sendable () async -> Void)?
    /// After this many more successful pulls, every pull throws `unauthorized` (a token revoked mid-sync).
    var revokeAfterPulls: Int?
    /// Whether push answers state the client's last applied id (a server before issue 14 did not).
    var statesLastApplied = true

    func setStatesLastApplied(_ states: Bool) { statesLastApplied = states }
    /// Forgets what it applied for every client (a restore from a backup taken before).
    func forgetClients() {
        lastApplied = [:]
        payloads = [:]
    }
    /// Counts.
    var pullCount = 0
    var pushCount = 0
    var upsertsServed = 0

    func setPullFailures(_ errors: [any Error]) { pullFailures = errors }
    func setPushFailures(_ errors: [any Error]) { pushFailures = errors }
    func setDropNextPushAnswer(_ error: any Error) { dropNextPushAnswer = error }
    func setOnPush(_ hook: @escaping @Sendable () async -> Void) { onPush = hook }
    func setRevokeAfterPulls(_ count: Int?) { revokeAfterPulls = count }
    func newEpoch() { epoch = UUID() }

    /// Adds or changes leads in the scope (one change-log entry each).
    func upsert(_ ids: [LeadID], score: (Int) -> Double = { Double($0) }) {
        for (index, id) in ids.enumerated() {
            sequence += 1
            let lead = SyncedLead(
                leadID: id, version: sequence, firstName: "Lead", lastName: String(index), stage: .assigned,
                scoreTotal: score(index), assignedAt: Date(timeIntervalSince1970: 1_700_000_000))
            scope[id] = lead
            log.append(Entry(sequence: sequence, leadID: id, lead: lead))
        }
    }

    /// Removes a lead from the scope.
    func remove(_ id: LeadID, reason: RemovalReason) {
        sequence += 1
        scope[id] = nil
        log.append(Entry(sequence: sequence, leadID: id, removal: reason))
    }

    /// The scope's digest after applying the log up to `cursor`.
    func digest(at cursor: Int64) -> ScopeDigest {
        var latest: [LeadID: Entry] = [:]
        for entry in log where entry.sequence <= cursor { latest[entry.leadID] = entry }
        return ScopeDigest(latest.values.compactMap { entry in entry.lead.map { ($0.leadID, $0.version) } })
    }

    func pull(_ request: PullRequest) async throws -> PullPage {
        pullCount += 1
        if !pullFailures.isEmpty { throw pullFailures.removeFirst() }
        if let remaining = revokeAfterPulls {
            if remaining <= 0 { throw SyncError.unauthorized }
            revokeAfterPulls = remaining - 1
        }
        if let cursor = request.cursor, cursor.epoch != epoch { throw SyncError.resyncRequired }
        let after = request.cursor?.sequence ?? 0
        let limit = request.effectiveLimit
        var chosen: [LeadID: Entry] = [:]
        var order: [LeadID] = []
        var end = after
        var hasMore = false
        for entry in log where entry.sequence > after {
            if chosen[entry.leadID] == nil && order.count == limit {
                hasMore = true
                break
            }
            if chosen[entry.leadID] == nil { order.append(entry.leadID) }
            chosen[entry.leadID] = entry
            end = entry.sequence
        }
        if order.isEmpty { end = max(after, request.cursor == nil ? sequence : after) }
        var upserts: [SyncedLead] = []
        var removals: [LeadRemoval] = []
        for id in order {
            let entry = chosen[id]!
            if let lead = entry.lead {
                upserts.append(lead)
            } else if request.cursor != nil, let reason = entry.removal {
                removals.append(LeadRemoval(leadID: id, reason: reason))
            }
        }
        upsertsServed += upserts.count
        let digest = digest(at: end)
        return PullPage(
            cursor: SyncCursor(epoch: epoch, sequence: end), hasMore: hasMore, upserts: upserts, removals: removals,
            scopeCount: digest.count, scopeHash: digest.hashText)
    }

    func push(_ request: PushRequest) async throws -> PushAnswer {
        pushCount += 1
        if let onPush { await onPush() }
        if !pushFailures.isEmpty { throw pushFailures.removeFirst() }
        let before = lastApplied[request.clientID] ?? 0
        if let acknowledged = request.acknowledgedThrough, acknowledged > before {
            return PushAnswer(
                results: request.mutations.map { PushResult(mutationID: $0.mutationID, outcome: .rejected(.gap)) },
                lastAppliedBefore: statesLastApplied ? before : nil)
        }
        var results: [PushResult] = []
        var blocked = false
        for mutation in request.mutations {
            let last = lastApplied[request.clientID] ?? 0
            if mutation.mutationID <= last {
                let same = payloads[request.clientID]?[mutation.mutationID] == mutation
                results.append(
                    PushResult(mutationID: mutation.mutationID, outcome: same ? .duplicate : .rejected(.conflict)))
                continue
            }
            if blocked || mutation.mutationID != last + 1 {
                blocked = true
                results.append(PushResult(mutationID: mutation.mutationID, outcome: .rejected(.gap)))
                continue
            }
            lastApplied[request.clientID] = mutation.mutationID
            payloads[request.clientID, default: [:]][mutation.mutationID] = mutation
            results.append(PushResult(mutationID: mutation.mutationID, outcome: apply(mutation)))
        }
        if let error = dropNextPushAnswer {
            dropNextPushAnswer = nil
            throw error
        }
        return PushAnswer(results: results, lastAppliedBefore: statesLastApplied ? before : nil)
    }

    /// Re-validates and applies one intent against the current scope.
    func apply(_ mutation: Mutation) -> PushOutcome {
        guard var lead = scope[mutation.leadID] else { return .rejected(.notAssigned) }
        switch mutation.intent {
        case .accept:
            guard lead.stage == .assigned else { return .rejected(.invalidTransition) }
            sequence += 1
            lead.stage = .accepted
            lead.version = sequence
            scope[lead.leadID] = lead
            log.append(Entry(sequence: sequence, leadID: lead.leadID, lead: lead))
        case .reject(let reason, let note, _):
            guard let code = ReasonCode(rawValue: reason) else { return .rejected(.unknownReason) }
            if code.entry.requiresNote && (note ?? "").isEmpty { return .rejected(.noteRequired) }
            remove(lead.leadID, reason: .recycled)
        case .convert:
            guard lead.stage == .accepted else { return .rejected(.invalidTransition) }
            remove(lead.leadID, reason: .converted)
        case .addNote, .correctContact:
            break
        }
        effects.append(mutation.mutationID)
        return .applied
    }
}
