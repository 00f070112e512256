public import LeadModel

/// One lead to hand to one rep, in a batch of hand-offs (``SyncStore/assign(_:actor:at:)``).
public struct LeadHandoffRequest: Hashable, Sendable {
    /// The lead handed over.
    public var leadID: LeadID
    /// The rep who gets it.
    public var repID: RepID

    /// A hand-off of `leadID` to `repID`.
    public init(leadID: LeadID, repID: RepID) {
        self.leadID = leadID
        self.repID = repID
    }
}
