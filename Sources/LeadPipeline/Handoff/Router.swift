public import Foundation
public import LeadModel
import StoreContract

/// Routes every `mql` lead to one active rep (issue 6 item 1), through ``LeadAssignment`` so the
/// change log carries each hand-off to the rep's device.
///
/// One run: (1) merges duplicates, the later of two leads with the same normalised email moving
/// `mql` → `nurturing` with reason `duplicate` and a merge record; (2) takes the `assigned` leads
/// of deactivated reps and every `mql` lead, highest current score first (unscored last, then
/// oldest, then by id); (3) gives each to a rep of its territory by ``WeightedRoundRobin``
/// weighted by remaining capacity (the rep's cap minus their open `assigned` + `accepted` leads),
/// continuing from the credits the last run stored, so that over many runs each rep gets an even
/// share of the leads and of the best-scored ones; (4) puts the leads nobody can take in the
/// overflow queue.
public struct Router: Sendable {
    /// The actor recorded in the history of a routed lead.
    public static let actor = "system:router"

    private let store: any HandoffStoreServices
    private let rules: RoutingRules?
    private let now: @Sendable () -> Date

    /// A router.
    /// - Parameters:
    ///   - rules: rules for this router only (`--rules FILE`); `nil` uses the stored rules in force,
    ///     else ``RoutingRules/fromRepTerritories(_:)`` (``RoutingRulesCatalog/resolve(_:reps:)``,
    ///     read at each run).
    ///   - now: the server clock.
    public init(
        store: any HandoffStoreServices, rules: RoutingRules? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.rules = rules
        self.now = now
    }

    /// Runs the router once.
    /// - Throws: a store error; ``RoutingRulesCatalog/StoredRulesError`` when the stored rules do
    ///   not parse; ``StageTransitionError`` only when another writer moved a lead meanwhile.
    @discardableResult
    public func route() throws -> RoutingSummary {
        try store.atomically {
            try store.lockJob(HandoffJob.name)
            var summary = RoutingSummary()
            let date = now()
            for (duplicate, original) in try store.duplicateOriginals().sorted(by: { $0.key < $1.key }) {
                try store.transition(
                    StageTransitionRequest(
                        leadID: duplicate, to: .nurturing, trigger: .score, actor: Self.actor, at: date,
                        reason: .duplicate, note: "merged into lead \(original)"))
                try store.recordMerge(leadID: duplicate, into: original, at: date)
                summary.mergedDuplicates += 1
            }

            let reps = try store.reps()
            let rules = try RoutingRulesCatalog(store: store).resolve(self.rules, reps: reps)
            var pool = try RepPool(
                reps: reps, openCounts: store.openLeadCounts(), roundRobinCredits: store.roundRobinCredits())
            summary.unavailableRepEmails = pool.unavailable(
                rules.territories.flatMap(\.repEmails) + (rules.defaultRepEmails ?? []))

            var candidates: [(lead: Lead, owner: RepID?)] = []
            for assignment in try store.openAssignments() where !pool.isActive(assignment.repID) {
                if let lead = try store.lead(id: assignment.leadID) { candidates.append((lead, assignment.repID)) }
            }
            candidates += try store.unownedHandedLeads().map { ($0, nil) }
            candidates += try store.leads(stage: .mql, limit: nil).map { ($0, nil) }
            let overflow = try place(candidates, rules: rules, pool: &pool, summary: &summary, at: date)
            try store.replaceOverflow(overflow)
            try store.saveRoundRobinCredits(pool.roundRobinCredits)
            summary.overflow = overflow.count
            return summary
        }
    }

    /// Re-routes the open leads (`assigned` and `accepted`) of one deactivated rep: each goes to
    /// another active rep of its territory, keeping its stage, or is taken out of the rep's scope
    /// (a removal on their devices) and waits in the overflow queue for the next routing run.
    /// ``RepDeactivation`` calls it; a deactivated rep holds nothing (routing/README.md).
    /// - Throws: a store error.
    @discardableResult
    public func rerouteOpenLeads(of repID: RepID) throws -> RoutingSummary {
        try store.atomically {
            try store.lockJob(HandoffJob.name)
            var summary = RoutingSummary()
            let date = now()
            let reps = try store.reps()
            let rules = try RoutingRulesCatalog(store: store).resolve(self.rules, reps: reps)
            var pool = try RepPool(
                reps: reps, openCounts: store.openLeadCounts(), roundRobinCredits: store.roundRobinCredits())
            var candidates: [(lead: Lead, owner: RepID?)] = []
            for assignment in try store.openAssignments() where assignment.repID == repID {
                if let lead = try store.lead(id: assignment.leadID) { candidates.append((lead, repID)) }
            }
            let moving = Set(candidates.map(\.lead.id))
            let waiting = try place(candidates, rules: rules, pool: &pool, summary: &summary, at: date)
            let kept = try store.overflow().filter { !moving.contains($0.leadID) }
            try store.replaceOverflow(kept + waiting)
            try store.saveRoundRobinCredits(pool.roundRobinCredits)
            summary.overflow = kept.count + waiting.count
            return summary
        }
    }

    /// Hands each candidate (highest score first) to a rep of its territory, never its current
    /// owner; returns the ones nobody could take, taking those out of their (deactivated) owner's
    /// scope.
    private func place(
        _ candidates: [(lead: Lead, owner: RepID?)], rules: RoutingRules, pool: inout RepPool,
        summary: inout RoutingSummary, at date: Date
    ) throws -> [OverflowEntry] {
        let scores = try store.currentScores(leadIDs: candidates.map(\.lead.id))
        let ordered = candidates.sorted { Self.routesBefore($0.lead, $1.lead, scores: scores) }
        var overflow: [OverflowEntry] = []
        // Every choice is made first (the pool decides alone), then the run's hand-offs are
        // written as one batch (``SyncStore/assign(_:actor:at:)``).
        var handoffs: [LeadHandoffRequest] = []
        for (lead, owner) in ordered {
            let territory = rules.territory(for: lead)
            guard let rep = pool.next(for: territory.repEmails, excluding: owner) else {
                if owner != nil {
                    try store.releaseLead(lead.id, at: date)
                    summary.releasedToOverflow += 1
                }
                overflow.append(OverflowEntry(leadID: lead.id, territory: territory.name, since: date))
                continue
            }
            handoffs.append(LeadHandoffRequest(leadID: lead.id, repID: rep.id))
            pool.took(rep.id)
            if let owner { pool.released(owner) }
            summary.perRep[rep.email.address, default: 0] += 1
            if owner == nil && lead.stage == .mql { summary.routed += 1 } else { summary.rerouted += 1 }
        }
        try store.assign(handoffs, actor: Self.actor, at: date)
        return overflow
    }

    /// Highest score first, unscored last; then oldest (created, unknown last); then by id.
    static func routesBefore(_ lhs: Lead, _ rhs: Lead, scores: [LeadID: LeadScore]) -> Bool {
        let left = scores[lhs.id]?.total ?? -Double.infinity
        let right = scores[rhs.id]?.total ?? -Double.infinity
        if left != right { return left > right }
        let leftDate = lhs.createdAt ?? .distantFuture
        let rightDate = rhs.createdAt ?? .distantFuture
        if leftDate != rightDate { return leftDate < rightDate }
        return lhs.id < rhs.id
    }
}
