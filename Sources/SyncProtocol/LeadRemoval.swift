public import LeadModel

/// A lead that left the rep's scope: the device deletes its copy (a tombstone in the change log).
public struct LeadRemoval: Hashable, Codable, Sendable {
    /// The lead removed.
    public var leadID: LeadID
    /// Why it left.
    public var reason: RemovalReason

    /// A removal.
    public init(leadID: LeadID, reason: RemovalReason) {
        self.leadID = leadID
        self.reason = reason
    }
}
