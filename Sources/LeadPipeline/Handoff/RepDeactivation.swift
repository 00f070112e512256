public import Foundation
public import LeadModel
import StoreContract

/// Deactivates a rep, the one rule every path follows (`leadrelay-server reps deactivate`,
/// `POST /v1/admin/reps/{id}/deactivate`; routing/README.md): a deactivated rep holds nothing and
/// can do nothing.
///
/// In order: the rep is marked inactive (routing rules that name them skip them, the SLA never
/// escalates to them, no token can be issued for them); every device token of theirs is revoked,
/// and a token of an inactive rep is refused even if it was not (`rep_deactivated`); their open
/// leads, `assigned` and `accepted`, are re-routed to other reps of each lead's territory keeping
/// their stage, or taken out of their scope (a removal on their devices) into the overflow queue.
public struct RepDeactivation: Sendable {
    private let store: any HandoffStoreServices
    private let rules: RoutingRules?
    private let now: @Sendable () -> Date

    /// A deactivation over `store`, routing with `rules` (`nil`: the stored rules in force, else
    /// the reps' territories) at the clock `now`.
    public init(
        store: any HandoffStoreServices, rules: RoutingRules? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.rules = rules
        self.now = now
    }

    /// What one deactivation did.
    public struct Summary: Hashable, Sendable {
        /// The rep, as it now stands (inactive).
        public var rep: Rep
        /// Device tokens revoked.
        public var tokensRevoked: Int
        /// The re-routing of their open leads.
        public var routing: RoutingSummary
    }

    /// Deactivates the rep in one transaction (all of it or nothing: a failure part-way leaves the
    /// rep active with their leads and tokens; idempotent: a second run revokes and re-routes
    /// whatever is left).
    /// - Throws: ``LeadStoreError/repNotFound(_:)``; a store error;
    ///   ``RoutingRulesCatalog/StoredRulesError`` when the stored rules do not parse.
    public func run(_ repID: RepID) throws -> Summary {
        try store.atomically {
            try store.lockJob(HandoffJob.name)
            guard var rep = try store.rep(id: repID) else { throw LeadStoreError.repNotFound(repID) }
            try store.deactivateRep(id: repID)
            rep.isActive = false
            let revoked = try DeviceTokens(store: store, now: now).revokeAll(repID: repID)
            let routing = try Router(store: store, rules: rules, now: now).rerouteOpenLeads(of: repID)
            return Summary(rep: rep, tokensRevoked: revoked, routing: routing)
        }
    }
}
