public import Foundation
public import LeadModel

/// A request to move one lead to another stage, with what the history row records.
public struct StageTransitionRequest: Sendable {
    /// The lead to move.
    public var leadID: LeadID
    /// The stage asked for; the current stage is read inside the transaction.
    public var to: LifecycleStage
    /// What moves it; checked with the stage against ``StageTransitionTable``.
    public var trigger: StageTrigger
    /// Who asks: `system:scoring`, `system:router`, `rep:<id>`, `admin:<name>`.
    public var actor: String
    /// When it happened (the server clock).
    public var at: Date
    /// The reason code of a reject.
    public var reason: ReasonCode?
    /// Free text: a rep's note, an admin's justification.
    public var note: String?
    /// The scoring-model version in force when scoring moved the lead; must name a saved version.
    public var modelVersion: Int?

    /// A request; reason, note and model version default to none.
    public init(
        leadID: LeadID, to: LifecycleStage, trigger: StageTrigger, actor: String, at: Date,
        reason: ReasonCode? = nil, note: String? = nil, modelVersion: Int? = nil
    ) {
        self.leadID = leadID
        self.to = to
        self.trigger = trigger
        self.actor = actor
        self.at = at
        self.reason = reason
        self.note = note
        self.modelVersion = modelVersion
    }
}
