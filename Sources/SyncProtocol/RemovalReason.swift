/// Why a lead left a rep's scope (SPEC §5 rule 2); the device shows it beside the removal.
public enum RemovalReason: String, CaseIterable, Codable, Sendable {
    /// Handed to another rep (by a manager or the follow-up SLA escalation).
    case reassigned
    /// Rejected with a recyclable reason: back to marketing for nurturing.
    case recycled
    /// Rejected for good.
    case disqualified
    /// Became an opportunity: no longer a lead to work.
    case converted
    /// Deleted on the server.
    case deleted
}
