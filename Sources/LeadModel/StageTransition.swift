/// One allowed edge of the stage machine.
public struct StageTransition: Hashable, Sendable {
    /// The stage the lead is in.
    public let from: LifecycleStage
    /// The stage it moves to.
    public let to: LifecycleStage
    /// What moves it.
    public let trigger: StageTrigger

    /// Declares an allowed edge.
    public init(from: LifecycleStage, to: LifecycleStage, trigger: StageTrigger) {
        self.from = from
        self.to = to
        self.trigger = trigger
    }
}
