public import LeadModel
public import StoreContract

/// What one `recycle run` did: the counts, the leads it moved back to `nurturing`, and the
/// follow-ups it recorded for `duplicate` and `existing_customer` rejects.
public struct RecycleRunSummary: Hashable, Codable, Sendable {
    /// Recycled leads looked at.
    public var recycled: Int
    /// Leads whose cool-down ended, moved to `nurturing`.
    public var returnedToNurturing: Int
    /// Recycled leads still cooling down.
    public var stillCoolingDown: Int
    /// `duplicate` rejects given their merge target.
    public var merged: Int
    /// `existing_customer` rejects given their account owner (or recorded as without one).
    public var routedToAccountOwner: Int
    /// The leads moved from `recycled` to `nurturing` by this run, in the order moved.
    public var returnedLeadIDs: [LeadID]
    /// The `duplicate` and `existing_customer` follow-ups this run recorded.
    public var followUps: [DispositionFollowUp]

    /// A summary.
    public init(
        recycled: Int = 0, returnedToNurturing: Int = 0, stillCoolingDown: Int = 0, merged: Int = 0,
        routedToAccountOwner: Int = 0, returnedLeadIDs: [LeadID] = [], followUps: [DispositionFollowUp] = []
    ) {
        self.recycled = recycled
        self.returnedToNurturing = returnedToNurturing
        self.stillCoolingDown = stillCoolingDown
        self.merged = merged
        self.routedToAccountOwner = routedToAccountOwner
        self.returnedLeadIDs = returnedLeadIDs
        self.followUps = followUps
    }
}
