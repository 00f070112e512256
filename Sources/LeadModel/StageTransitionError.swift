/// A stage change that the stage machine of SPEC §3.1 does not allow.
public struct StageTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stage the lead was in.
    public let from: LifecycleStage
    /// The stage that was asked for.
    public let to: LifecycleStage
    /// What asked for it.
    public let trigger: StageTrigger

    /// Describes the refused edge.
    public init(from: LifecycleStage, to: LifecycleStage, trigger: StageTrigger) {
        self.from = from
        self.to = to
        self.trigger = trigger
    }

    public var description: String {
        "a lead cannot move from '\(from.rawValue)' to '\(to.rawValue)' by \(trigger.rawValue)"
    }
}
