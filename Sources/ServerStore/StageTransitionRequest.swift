public import Foundation
public import LeadModel

/// A request to move one lead to another stage, with what the history row records.
public struct StageTransitionRequest: Sendable {
    public var leadID: LeadID
    public var to: LifecycleStage
    public var trigger: StageTrigger
    /// Who asks: `system:scoring`, `system:router`, `rep:<id>`, `admin:<name>`.
    public var actor: String
    public var at: Date
    public var reason: ReasonCode?
    public var note: String?
    public var modelVersion: Int?

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
