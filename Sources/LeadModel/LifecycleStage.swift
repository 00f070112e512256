/// Where a lead stands in the marketing-to-sales hand-off (SPEC §3).
///
/// The only way to move a lead between stages is ``StageTransitionTable/check(from:to:trigger:)``,
/// whatever the entry point (import, API, sync push, admin command, scheduler).
public enum LifecycleStage: String, CaseIterable, Codable, Sendable, Comparable {
    /// Imported, not yet scored.
    case new
    /// Scored below the qualification definition; marketing keeps working it.
    case nurturing
    /// Marketing-qualified: meets the qualification definition, waiting for a rep.
    case mql
    /// Handed to a rep, awaiting acceptance (within the follow-up SLA).
    case assigned
    /// Sales accepted the lead (a sales-accepted lead, SAL).
    case accepted
    /// Became an opportunity.
    case converted
    /// Rejected by sales with a recyclable reason; goes back to nurturing after a cool-down.
    case recycled
    /// Rejected for good; only a logged admin action reopens it.
    case disqualified

    /// Whether the lead is with sales: rescoring never moves a lead in one of these stages
    /// (SPEC §3.1), nor a terminal one.
    public var isFrozenForRescoring: Bool {
        switch self {
        case .assigned, .accepted, .converted, .disqualified: return true
        case .new, .nurturing, .mql, .recycled: return false
        }
    }

    /// Whether a change to this lead (new engagement events, re-imported fields) rescores it:
    /// every stage but the terminal ones (`converted`, `disqualified`). With sales (`assigned`,
    /// `accepted`) the score, grade and reasons move and the stage does not (SPEC §3.1): the rep's
    /// hot-lead signal.
    public var isRescoredOnChange: Bool { self != .converted && self != .disqualified }

    /// Whether the lead is in a rep's scope and synced to their device (SPEC §5 rule 2).
    public var isInRepScope: Bool { self == .assigned || self == .accepted }

    /// Funnel order, used to sort reports.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
