/// One rep's line of the quality report: how much of their queue was worth their time, and how
/// they kept the follow-up SLA.
public struct RepQuality: Hashable, Codable, Sendable {
    /// The rep's name.
    public var name: String
    /// The rep's email.
    public var email: String
    /// Distinct leads handed to the rep (routed or reassigned to them).
    public var handed: Int
    /// Of those, leads the rep reviewed (accepted or rejected).
    public var reviewed: Int
    /// Of those, leads the rep accepted.
    public var accepted: Int
    /// `accepted / reviewed`, 0–1, `nil` before the rep's first review: leads still waiting are
    /// not counted against the queue.
    public var acceptedShare: Double?
    /// Hand-offs answered (accept or reject) within the SLA.
    public var onTime: Int
    /// Hand-offs answered after the deadline, or still open past it, or escalated.
    public var late: Int
    /// Breaches recorded against the rep by the SLA escalation.
    public var breaches: Int
    /// `onTime / (onTime + late)`, 0–1, `nil` when no hand-off is due yet.
    public var slaCompliance: Double?

    /// A rep row; the rates are computed.
    public init(
        name: String, email: String, handed: Int, reviewed: Int, accepted: Int, onTime: Int, late: Int, breaches: Int
    ) {
        self.name = name
        self.email = email
        self.handed = handed
        self.reviewed = reviewed
        self.accepted = accepted
        self.acceptedShare = ReportMath.rate(accepted, of: reviewed)
        self.onTime = onTime
        self.late = late
        self.breaches = breaches
        self.slaCompliance = ReportMath.rate(onTime, of: onTime + late)
    }
}
