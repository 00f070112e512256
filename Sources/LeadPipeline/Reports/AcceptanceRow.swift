/// Acceptance of handed leads in one group (a source, a score band, a grade, a rule), as a sales
/// manager reads it: of the leads the reps have reviewed, how many they accepted; the leads still
/// waiting for review are counted apart, with how many of them are past the follow-up SLA.
public struct AcceptanceRow: Hashable, Codable, Sendable {
    /// The group's label.
    public var group: String
    /// Leads handed to reps in the group.
    public var handed: Int
    /// Of those, leads the reps have reviewed: accepted or rejected (converted ones included).
    public var reviewed: Int
    /// Of those, leads sales accepted (converted ones included: they were accepted first).
    public var accepted: Int
    /// Of those, leads rejected (any reason but spam).
    public var rejected: Int
    /// Handed leads not reviewed yet (still `assigned`).
    public var pending: Int
    /// Of the pending leads, those handed longer ago than the follow-up SLA.
    public var pendingPastSLA: Int
    /// Hours since the oldest pending lead was handed over; `nil` when none is pending.
    public var oldestPendingHours: Double?
    /// `accepted / reviewed`, 0–1; `nil` before the first review. Pending leads are not in the
    /// denominator: a lead nobody has looked at is not a rejection.
    public var acceptanceRate: Double?

    /// A row; the rate is computed.
    public init(
        group: String, handed: Int, reviewed: Int, accepted: Int, rejected: Int, pending: Int = 0,
        pendingPastSLA: Int = 0, oldestPendingHours: Double? = nil
    ) {
        self.group = group
        self.handed = handed
        self.reviewed = reviewed
        self.accepted = accepted
        self.rejected = rejected
        self.pending = pending
        self.pendingPastSLA = pendingPastSLA
        self.oldestPendingHours = oldestPendingHours
        self.acceptanceRate = ReportMath.rate(accepted, of: reviewed)
    }
}
