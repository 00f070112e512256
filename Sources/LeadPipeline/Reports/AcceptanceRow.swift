/// Acceptance of handed leads in one group (a source, a score band, a grade, a rule).
public struct AcceptanceRow: Hashable, Codable, Sendable {
    /// The group's label.
    public var group: String
    /// Leads handed to reps in the group.
    public var handed: Int
    /// Of those, leads sales accepted (converted ones included: they were accepted first).
    public var accepted: Int
    /// Of those, leads rejected (any reason but spam).
    public var rejected: Int
    /// `accepted / handed`, 0–1; `nil` when nothing was handed.
    public var acceptanceRate: Double?

    /// A row; the rate is computed.
    public init(group: String, handed: Int, accepted: Int, rejected: Int) {
        self.group = group
        self.handed = handed
        self.accepted = accepted
        self.rejected = rejected
        self.acceptanceRate = ReportMath.rate(accepted, of: handed)
    }
}
