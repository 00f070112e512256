/// The one transition table of the stage machine (SPEC §3.1). Every entry point checks a stage
/// change here and nowhere else.
public enum StageTransitionTable {
    /// Every allowed edge, read off the diagram in SPEC §3.1.
    public static let allowed: [StageTransition] = [
        .init(from: .new, to: .nurturing, trigger: .score),
        .init(from: .new, to: .mql, trigger: .score),
        .init(from: .nurturing, to: .mql, trigger: .score),
        .init(from: .mql, to: .nurturing, trigger: .score),
        .init(from: .mql, to: .assigned, trigger: .route),
        .init(from: .assigned, to: .assigned, trigger: .reassign),
        .init(from: .assigned, to: .accepted, trigger: .accept),
        .init(from: .assigned, to: .recycled, trigger: .rejectRecyclable),
        .init(from: .assigned, to: .disqualified, trigger: .rejectTerminal),
        .init(from: .accepted, to: .converted, trigger: .convert),
        .init(from: .accepted, to: .recycled, trigger: .rejectRecyclable),
        .init(from: .accepted, to: .disqualified, trigger: .rejectTerminal),
        .init(from: .recycled, to: .nurturing, trigger: .coolDownEnded),
        .init(from: .disqualified, to: .nurturing, trigger: .adminReopen),
    ]

    private static let allowedSet = Set(allowed)

    /// Whether `trigger` may move a lead from `from` to `to`.
    public static func allows(from: LifecycleStage, to: LifecycleStage, trigger: StageTrigger) -> Bool {
        allowedSet.contains(StageTransition(from: from, to: to, trigger: trigger))
    }

    /// Checks a stage change.
    /// - Throws: ``StageTransitionError`` naming both stages when the table has no such edge.
    public static func check(from: LifecycleStage, to: LifecycleStage, trigger: StageTrigger)
        throws(StageTransitionError)
    {
        guard allows(from: from, to: to, trigger: trigger) else {
            throw StageTransitionError(from: from, to: to, trigger: trigger)
        }
    }

    /// The stages `trigger` may move a lead in `stage` to (empty when none).
    public static func targets(from stage: LifecycleStage, trigger: StageTrigger) -> [LifecycleStage] {
        allowed.filter { $0.from == stage && $0.trigger == trigger }.map(\.to)
    }
}
