public import LeadModel

/// What the mutation rules need to know of a lead when a mutation reaches it: its stage, and
/// whether the rep who sent the mutation owns it.
public struct LeadMutationState: Hashable, Sendable {
    /// The lead's stage now (after the mutations before this one in the same push).
    public var stage: LifecycleStage
    /// Whether the pushing rep is the lead's owner.
    public var isOwnedByPusher: Bool

    /// A state.
    public init(stage: LifecycleStage, isOwnedByPusher: Bool) {
        self.stage = stage
        self.isOwnedByPusher = isOwnedByPusher
    }
}
