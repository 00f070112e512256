public import Foundation

/// One row of a lead's stage history: every transition is recorded with actor, time, reason and
/// model version (SPEC §3.1).
public struct StageChange: Hashable, Codable, Sendable {
    /// The lead that moved.
    public var leadID: LeadID
    /// The stage it left.
    public var from: LifecycleStage
    /// The stage it entered.
    public var to: LifecycleStage
    /// What moved it (the edge of the transition table).
    public var trigger: StageTrigger
    /// Who did it: `system:scoring`, `system:router`, `rep:<id>`, `admin:<name>`.
    public var actor: String
    /// When (server clock).
    public var at: Date
    /// The reason code of a reject, when there is one.
    public var reason: ReasonCode?
    /// Free text (a rep's note, an admin's justification).
    public var note: String?
    /// The scoring-model version in force, when scoring moved the lead.
    public var modelVersion: Int?

    /// A history row.
    public init(
        leadID: LeadID, from: LifecycleStage, to: LifecycleStage, trigger: StageTrigger, actor: String, at: Date,
        reason: ReasonCode? = nil, note: String? = nil, modelVersion: Int? = nil
    ) {
        self.leadID = leadID
        self.from = from
        self.to = to
        self.trigger = trigger
        self.actor = actor
        self.at = at
        self.reason = reason
        self.note = note
        self.modelVersion = modelVersion
    }
}
