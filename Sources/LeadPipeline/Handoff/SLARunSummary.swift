/// What one follow-up SLA run did.
public struct SLARunSummary: Hashable, Codable, Sendable {
    /// `assigned` leads looked at.
    public var checked: Int
    /// Leads past their deadline (each recorded as a breach against its rep).
    public var breached: Int
    /// Breached leads reassigned to another rep.
    public var escalated: Int
    /// Breached leads no other rep could take (they stay with their rep; the breach is recorded once).
    public var unescalated: Int

    /// A summary.
    public init(checked: Int = 0, breached: Int = 0, escalated: Int = 0, unescalated: Int = 0) {
        self.checked = checked
        self.breached = breached
        self.escalated = escalated
        self.unescalated = unescalated
    }
}
