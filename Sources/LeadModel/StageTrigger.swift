/// What moves a lead from one stage to another; each allowed transition names its trigger.
public enum StageTrigger: String, CaseIterable, Codable, Sendable {
    /// A scoring run (after import, new events, or a new model version).
    case score
    /// The router handing an MQL to a rep.
    case route
    /// A rep's `accept` verdict.
    case accept
    /// A rep's `convert` verdict.
    case convert
    /// A rep's `reject` with a reason whose disposition is recycle.
    case rejectRecyclable = "reject_recyclable"
    /// A rep's `reject` with a reason whose disposition is disqualify.
    case rejectTerminal = "reject_terminal"
    /// Reassignment to another rep, by a manager or the follow-up SLA escalation.
    case reassign
    /// The end of a recycled lead's cool-down.
    case coolDownEnded = "cool_down_ended"
    /// An explicit, logged admin action reopening a disqualified lead.
    case adminReopen = "admin_reopen"
}
