public import Foundation
public import LeadModel
import StoreContract

/// Recycling and re-entry (issue 6 item 3, SPEC §3.2). A device push applies a reject's
/// disposition (`recycled` with its cool-down, or `disqualified`); this service does the rest:
/// moves recycled leads whose cool-down ended back to `nurturing` (trigger `cool_down_ended`,
/// actor `system:recycling`, through ``SyncStore/endCoolDowns(dueBy:actor:)``), records what
/// `duplicate` and `existing_customer` do (the merge
/// target; the account owner), and guards re-qualification with ``ReentryGate``.
public struct Recycling: Sendable {
    /// The actor recorded in the history of a lead the recycler moves.
    public static let actor = "system:recycling"

    private let store: any HandoffStoreServices
    /// The re-entry rule.
    public let gate: ReentryGate

    /// A recycler.
    /// - Parameter gate: the re-entry rule (default margin 10 points).
    public init(store: any HandoffStoreServices, gate: ReentryGate = ReentryGate()) {
        self.store = store
        self.gate = gate
    }

    /// When the lead's cool-down ends: the date the reject set (a `bad_timing` re-entry date, or
    /// the reason's days from ``ReasonCode/table``), kept by the store after the lead returned to
    /// nurturing; for a recycled lead without one (recycled by another path), the reason's days
    /// counted from the recorded rejection; `nil` when the lead was never rejected.
    public func coolDownEnd(of leadID: LeadID) throws -> Date? {
        if let stored = try store.coolDownEnd(leadID: leadID) { return stored }
        guard let rejection = try store.rejection(leadID: leadID) else { return nil }
        if let until = rejection.coolDownUntil { return until }
        guard case .recycle(let days) = rejection.reason?.entry.disposition else { return rejection.rejectedAt }
        return rejection.rejectedAt + Double(days) * 86_400
    }

    /// Moves every recycled lead whose cool-down has ended (at or before `now`) to `nurturing`,
    /// and records the follow-up of `duplicate` and `existing_customer` rejects.
    /// - Throws: a store error.
    @discardableResult
    public func run(now: Date) throws -> RecycleRunSummary {
        try store.atomically {
            try store.lockJob(HandoffJob.name)
            var summary = RecycleRunSummary()
            let released = try store.endCoolDowns(dueBy: now, actor: Self.actor)
            summary.returnedToNurturing = released.count
            summary.returnedLeadIDs = released
            for lead in try store.leads(stage: .recycled, limit: nil) {
                let end = try coolDownEnd(of: lead.id) ?? now
                guard end <= now else {
                    summary.stillCoolingDown += 1
                    continue
                }
                try store.transition(
                    StageTransitionRequest(
                        leadID: lead.id, to: .nurturing, trigger: .coolDownEnded, actor: Self.actor, at: now,
                        note: "cool-down ended \(end.formatted(.iso8601))"))
                summary.returnedToNurturing += 1
                summary.returnedLeadIDs.append(lead.id)
            }
            summary.recycled = summary.returnedToNurturing + summary.stillCoolingDown
            for rejection in try store.rejectionsAwaitingFollowUp() {
                guard let reason = rejection.reason else { continue }
                switch reason {
                case .duplicate:
                    let original = try store.earliestLead(withEmailOf: rejection.leadID)
                    if let original { try store.recordMerge(leadID: rejection.leadID, into: original, at: now) }
                    let followUp = DispositionFollowUp(
                        leadID: rejection.leadID, reason: reason, mergedInto: original, accountOwner: nil, at: now)
                    try store.recordFollowUp(followUp)
                    summary.followUps.append(followUp)
                    summary.merged += 1
                case .existingCustomer:
                    let followUp = DispositionFollowUp(
                        leadID: rejection.leadID, reason: reason, mergedInto: nil,
                        accountOwner: try store.accountOwner(of: rejection.leadID), at: now)
                    try store.recordFollowUp(followUp)
                    summary.followUps.append(followUp)
                    summary.routedToAccountOwner += 1
                default:
                    continue
                }
            }
            return summary
        }
    }

    /// The re-entry decision for one lead now (its rejection, cool-down and current score).
    public func reentryDecision(leadID: LeadID, now: Date) throws -> ReentryDecision {
        gate.decide(
            rejection: try store.rejection(leadID: leadID), coolDownEnd: try coolDownEnd(of: leadID),
            currentScore: try store.currentScore(leadID: leadID)?.total, now: now,
            mergedInto: try store.mergeTarget(of: leadID))
    }

    /// Moves a `nurturing` lead to `mql` (trigger `score`) when its current score qualifies and
    /// ``ReentryGate`` allows it; this is the check the scoring run makes for a recycled lead.
    /// - Returns: the decision (the lead moved only when it allows re-qualification and the
    ///   current score is marked qualified).
    /// - Throws: ``LeadStoreError/leadNotFound(_:)``; ``StageTransitionError`` when the lead is
    ///   not in `nurturing`.
    @discardableResult
    public func requalifyIfEngaged(leadID: LeadID, now: Date) throws -> ReentryDecision {
        try store.atomically {
            let decision = try reentryDecision(leadID: leadID, now: now)
            guard decision.allowsRequalification, let score = try store.currentScore(leadID: leadID), score.qualified
            else { return decision }
            try store.transition(
                StageTransitionRequest(
                    leadID: leadID, to: .mql, trigger: .score, actor: "system:scoring", at: now,
                    note: "re-qualified after recycling", modelVersion: score.modelVersion))
            return decision
        }
    }
}
