public import StoreContract

/// What one follow-up SLA run did: the counts, and each breach it recorded (the lead, the rep who
/// let the deadline pass, and the rep it was reassigned to, if any).
public struct SLARunSummary: Hashable, Codable, Sendable {
    /// `assigned` leads looked at.
    public var checked: Int
    /// Leads past their deadline (each recorded as a breach against its rep).
    public var breached: Int
    /// Breached leads reassigned to another rep.
    public var escalated: Int
    /// Breached leads no other rep could take (they stay with their rep; the breach is recorded once).
    public var unescalated: Int
    /// The breaches this run recorded, in the order the leads were handed over (oldest first);
    /// `escalatedTo` is the rep the lead went to, absent when nobody could take it. A breach that
    /// could not be escalated is recorded once: later runs count it in ``breached`` again but do
    /// not list it.
    public var breaches: [SLABreach]

    /// A summary.
    public init(
        checked: Int = 0, breached: Int = 0, escalated: Int = 0, unescalated: Int = 0, breaches: [SLABreach] = []
    ) {
        self.checked = checked
        self.breached = breached
        self.escalated = escalated
        self.unescalated = unescalated
        self.breaches = breaches
    }
}
