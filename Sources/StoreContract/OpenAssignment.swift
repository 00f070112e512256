public import Foundation
public import LeadModel

/// A lead in a rep's scope now (`assigned` or `accepted`).
public struct OpenAssignment: Hashable, Sendable {
    /// The lead.
    public var leadID: LeadID
    /// Its owner.
    public var repID: RepID
    /// `assigned` or `accepted`.
    public var stage: LifecycleStage
    /// When the owner got it (the last route or reassign): the start of the follow-up SLA.
    public var assignedAt: Date

    /// An open assignment.
    public init(leadID: LeadID, repID: RepID, stage: LifecycleStage, assignedAt: Date) {
        self.leadID = leadID
        self.repID = repID
        self.stage = stage
        self.assignedAt = assignedAt
    }
}
