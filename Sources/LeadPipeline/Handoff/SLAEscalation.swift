public import Foundation
import LeadModel
import StoreContract

/// The follow-up SLA (issue 6 item 2, SPEC §3): a lead `assigned` to a rep for longer than
/// ``slaHours`` without a verdict is escalated: reassigned (`assigned` → `assigned` by
/// `reassign`, actor `system:sla`) to the next eligible rep of its territory, chosen like the
/// router does (weighted round robin on remaining capacity, never the same rep), and the breach is
/// recorded against the rep who let it pass.
///
/// ## Running it on a period
/// `leadrelay-server sla run [--now ISO]` calls ``run(now:)`` once. The server calls it on a fixed
/// period: wrap it in a ServiceLifecycle `Service` whose `run()` loops
/// `while !Task.isShuttingDownGracefully { _ = try escalation.run(now: Date()); try await Task.sleep(for: period) }`
/// (a period of a few minutes keeps escalation within minutes of the deadline). Each call is
/// idempotent for what it has already done: an escalated lead starts a new SLA with its new rep,
/// and a breach that could not be escalated is recorded once.
public struct SLAEscalation: Sendable {
    /// The default SLA: 24 hours.
    public static let defaultHours: Double = 24
    /// The shortest SLA an operator may set: one minute, in hours (a shorter one would escalate a
    /// lead before any rep could open it).
    public static let minimumHours: Double = 1.0 / 60
    /// The longest SLA: a year, in hours.
    public static let maximumHours: Double = 8_760
    /// The rule ``acceptsHours(_:)`` checks, in words.
    public static let hoursRule =
        "the SLA must be at least a minute (\(String(format: "%.4f", minimumHours)) hours) and at most \(Int(maximumHours)) hours (a year)"

    /// Whether `hours` is an SLA an operator may set: from ``minimumHours`` to ``maximumHours``.
    public static func acceptsHours(_ hours: Double) -> Bool {
        hours.isFinite && hours >= minimumHours && hours <= maximumHours
    }
    /// The actor recorded in the history of an escalated lead.
    public static let actor = "system:sla"

    private let store: any HandoffStoreServices
    private let rules: RoutingRules?
    /// Hours a lead may stay `assigned` before it is escalated.
    public let slaHours: Double

    /// An escalation job.
    /// - Parameters:
    ///   - rules: the routing rules that name each territory's reps; `nil` uses the stored rules in
    ///     force at each run, else the reps' own territories (``RoutingRulesCatalog/resolve(_:reps:)``).
    ///   - slaHours: hours a lead may stay `assigned` (default 24); more than 0.
    public init(store: any HandoffStoreServices, rules: RoutingRules? = nil, slaHours: Double = Self.defaultHours) {
        self.store = store
        self.rules = rules
        self.slaHours = slaHours
    }

    /// The deadline of a hand-off made at `assignedAt`.
    public func deadline(assignedAt: Date) -> Date { assignedAt + slaHours * 3_600 }

    /// Escalates every `assigned` lead whose deadline is before `now` (a lead exactly at its
    /// deadline is not late yet).
    /// - Parameter now: the clock reading (injected: tests move time).
    /// - Throws: a store error.
    @discardableResult
    public func run(now: Date) throws -> SLARunSummary {
        try store.atomically {
            try store.lockJob(HandoffJob.name)
            var summary = SLARunSummary()
            let reps = try store.reps()
            let rules = try RoutingRulesCatalog(store: store).resolve(self.rules, reps: reps)
            var pool = try RepPool(
                reps: reps, openCounts: store.openLeadCounts(), roundRobinCredits: store.roundRobinCredits())
            // Every choice is made first (the pool decides alone); the escalations are written as
            // one batch of hand-offs (``SyncStore/assign(_:actor:at:)``), then the breaches.
            var handoffs: [LeadHandoffRequest] = []
            var breaches: [SLABreach] = []
            for open in try store.openAssignments() where open.stage == .assigned {
                summary.checked += 1
                let deadline = deadline(assignedAt: open.assignedAt)
                guard now > deadline, let lead = try store.lead(id: open.leadID) else { continue }
                summary.breached += 1
                let next = pool.next(for: rules.territory(for: lead).repEmails, excluding: open.repID)
                if let next {
                    handoffs.append(LeadHandoffRequest(leadID: lead.id, repID: next.id))
                    pool.took(next.id)
                    pool.released(open.repID)
                    summary.escalated += 1
                } else {
                    summary.unescalated += 1
                }
                breaches.append(
                    SLABreach(
                        leadID: lead.id, repID: open.repID, assignedAt: open.assignedAt, deadline: deadline,
                        detectedAt: now, escalatedTo: next?.id))
            }
            try store.assign(handoffs, actor: Self.actor, at: now)
            for breach in breaches {
                if try store.recordBreach(breach) { summary.breaches.append(breach) }
            }
            if summary.escalated > 0 { try store.saveRoundRobinCredits(pool.roundRobinCredits) }
            return summary
        }
    }
}
