import LeadModel

/// One stage move to write set-based (``PostgresLeadStore/recordStageMoves(_:finalStages:actor:at:in:)``):
/// a history row, in the order the moves were made.
struct PostgresStageMove {
    /// The lead's id as stored.
    var leadID: String
    var from: LifecycleStage
    var to: LifecycleStage
    var trigger: StageTrigger
    /// A reject's reason.
    var reason: ReasonCode? = nil
    /// A reject's note.
    var note: String? = nil
}
