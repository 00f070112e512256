/// What happens to a lead a rep rejected with a given reason (SPEC §3.2).
public enum ReasonDisposition: Hashable, Sendable {
    /// Back to marketing: stage `recycled`, then `nurturing` once the cool-down has passed.
    /// - Parameter coolDownDays: days before the lead may re-enter nurturing (a `bad_timing`
    ///   re-entry date, when given, replaces it).
    case recycle(coolDownDays: Int)
    /// Terminal: stage `disqualified`.
    case disqualify

    /// The stage a reject with this disposition moves the lead to.
    public var targetStage: LifecycleStage {
        switch self {
        case .recycle: return .recycled
        case .disqualify: return .disqualified
        }
    }

    /// The trigger recorded for that move.
    public var trigger: StageTrigger {
        switch self {
        case .recycle: return .rejectRecyclable
        case .disqualify: return .rejectTerminal
        }
    }
}
