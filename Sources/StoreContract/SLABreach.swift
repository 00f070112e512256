public import Foundation
public import LeadModel

/// A follow-up SLA breach recorded against a rep: the lead stayed `assigned` to them past the
/// deadline.
public struct SLABreach: Hashable, Codable, Sendable {
    /// The lead.
    public var leadID: LeadID
    /// The rep who let the deadline pass.
    public var repID: RepID
    /// When the rep got the lead.
    public var assignedAt: Date
    /// `assignedAt` plus the SLA.
    public var deadline: Date
    /// When the escalation saw it.
    public var detectedAt: Date
    /// The rep it was reassigned to, or `nil` when no other rep could take it.
    public var escalatedTo: RepID?

    /// A breach.
    public init(
        leadID: LeadID, repID: RepID, assignedAt: Date, deadline: Date, detectedAt: Date, escalatedTo: RepID?
    ) {
        self.leadID = leadID
        self.repID = repID
        self.assignedAt = assignedAt
        self.deadline = deadline
        self.detectedAt = detectedAt
        self.escalatedTo = escalatedTo
    }
}
