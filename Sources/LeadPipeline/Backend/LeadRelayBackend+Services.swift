public import Foundation
public import SyncProtocol

extension LeadRelayBackend {
    /// The scoring run on this store (see ``ScoringRun``).
    public func scoringRun(clock: @escaping @Sendable () -> Date = { Date() }) -> ScoringRun {
        ScoringRun(store: store, clock: clock)
    }

    /// The stored scoring models (see ``ScoringModelCatalog``).
    public var scoringModels: ScoringModelCatalog { ScoringModelCatalog(store: store) }

    /// The stored routing rules (see ``RoutingRulesCatalog``).
    public var routingRules: RoutingRulesCatalog { RoutingRulesCatalog(store: store) }

    /// The router (see ``Router``); `rules` `nil`: the stored rules in force.
    public func router(rules: RoutingRules? = nil, now: @escaping @Sendable () -> Date = { Date() }) -> Router {
        Router(store: store, rules: rules, now: now)
    }

    /// The follow-up SLA job (see ``SLAEscalation``).
    public func escalation(rules: RoutingRules? = nil, slaHours: Double = SLAEscalation.defaultHours)
        -> SLAEscalation
    {
        SLAEscalation(store: store, rules: rules, slaHours: slaHours)
    }

    /// The recycling job (see ``Recycling``).
    public var recycling: Recycling { Recycling(store: store) }

    /// A rep's deactivation (see ``RepDeactivation``).
    public func deactivation(rules: RoutingRules? = nil, now: @escaping @Sendable () -> Date = { Date() })
        -> RepDeactivation
    {
        RepDeactivation(store: store, rules: rules, now: now)
    }

    /// Manual hand-offs (see ``LeadAssignment``).
    public func assignment(now: @escaping @Sendable () -> Date = { Date() }) -> LeadAssignment {
        LeadAssignment(store: store, now: now)
    }

    /// Device tokens (see ``DeviceTokens``).
    public func deviceTokens(now: @escaping @Sendable () -> Date = { Date() }) -> DeviceTokens {
        DeviceTokens(store: store, now: now)
    }

    /// The sync endpoints' service (see ``SyncService``).
    public func sync(limits: SyncLimits = .contractDefaults, now: @escaping @Sendable () -> Date = { Date() })
        -> SyncService
    {
        SyncService(store: store, limits: limits, now: now)
    }

    /// The funnel and quality reports (see ``HandoffReports``).
    public func reports(now: @escaping @Sendable () -> Date = { Date() }) -> HandoffReports {
        HandoffReports(store: store, now: now)
    }

    /// The CSV lead import (see ``LeadImporter``).
    public func leadImporter(clock: @escaping @Sendable () -> Date = { Date() }) -> LeadImporter {
        LeadImporter(store: store, clock: clock)
    }

    /// The CSV engagement-event import (see ``EventImporter``).
    public func eventImporter(clock: @escaping @Sendable () -> Date = { Date() }) -> EventImporter {
        EventImporter(store: store, clock: clock)
    }

    /// The admin API's lead and event batches (see ``BatchIntake``).
    public func batchIntake(clock: @escaping @Sendable () -> Date = { Date() }) -> BatchIntake {
        BatchIntake(store: store, clock: clock)
    }
}
