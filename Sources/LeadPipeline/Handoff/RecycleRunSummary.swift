/// What one `recycle run` did.
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

    /// A summary.
    public init(
        recycled: Int = 0, returnedToNurturing: Int = 0, stillCoolingDown: Int = 0, merged: Int = 0,
        routedToAccountOwner: Int = 0
    ) {
        self.recycled = recycled
        self.returnedToNurturing = returnedToNurturing
        self.stillCoolingDown = stillCoolingDown
        self.merged = merged
        self.routedToAccountOwner = routedToAccountOwner
    }
}
