public import LeadModel

/// A store's refusal of one pulled lead (a row its database will not take): the sync engine
/// rebuilds the copy once instead of meeting the same page on every sync (SPEC §5 rule 11).
public struct LeadNotStorable: Error, Hashable, Sendable, CustomStringConvertible {
    /// The lead.
    public var leadID: LeadID
    /// Why the store refused it.
    public var detail: String

    /// A refusal.
    public init(leadID: LeadID, detail: String) {
        self.leadID = leadID
        self.detail = detail
    }

    /// One line naming the lead and the store's reason.
    public var description: String { "the server sent lead \(leadID) in a form this device cannot store (\(detail))" }
}
