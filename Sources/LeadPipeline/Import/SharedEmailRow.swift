public import LeadModel

/// A row whose new external id made a new lead although other leads, with other external ids,
/// have the same normalised email (issue 15, item 1): two ids are two leads, but a person should
/// look at the pair.
public struct SharedEmailRow: Codable, Sendable, Hashable {
    /// The row number (header = row 1).
    public var row: Int
    /// The new lead.
    public var leadID: LeadID
    /// The row's external id.
    public var externalID: String
    /// The normalised email both share.
    public var email: String
    /// The external ids of the other leads with that email.
    public var otherExternalIDs: [String]

    /// A shared-email row.
    public init(row: Int, leadID: LeadID, externalID: String, email: String, otherExternalIDs: [String]) {
        self.row = row
        self.leadID = leadID
        self.externalID = externalID
        self.email = email
        self.otherExternalIDs = otherExternalIDs
    }
}
