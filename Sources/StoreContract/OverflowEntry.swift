public import Foundation
public import LeadModel

/// A lead no rep could take: it waits in the overflow queue until a later `route` places it.
public struct OverflowEntry: Hashable, Codable, Sendable {
    /// The waiting lead (`mql`, or `assigned` to a deactivated rep with nobody to take it).
    public var leadID: LeadID
    /// The routing territory it belongs to.
    public var territory: String
    /// Since when it waits (kept across route runs).
    public var since: Date

    /// An overflow entry.
    public init(leadID: LeadID, territory: String, since: Date) {
        self.leadID = leadID
        self.territory = territory
        self.since = since
    }
}
