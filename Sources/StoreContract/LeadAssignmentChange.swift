public import LeadModel

/// What an assignment did: the stage change recorded and the owners before and after.
public struct LeadAssignmentChange: Hashable, Sendable {
    /// The lead handed over.
    public var leadID: LeadID
    /// The rep who had it (`nil` when it came from `mql`).
    public var previousRep: RepID?
    /// The rep who has it now.
    public var rep: RepID
    /// The history row written (`mql` → `assigned` by `route`, or `assigned` → `assigned` by `reassign`).
    public var stageChange: StageChange

    /// An assignment result.
    public init(leadID: LeadID, previousRep: RepID?, rep: RepID, stageChange: StageChange) {
        self.leadID = leadID
        self.previousRep = previousRep
        self.rep = rep
        self.stageChange = stageChange
    }
}
