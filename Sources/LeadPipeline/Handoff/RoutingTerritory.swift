public import LeadModel

/// A territory of the routing rules: which leads belong to it and the reps (by email) who take them.
public struct RoutingTerritory: Hashable, Sendable {
    /// The territory's name, shown in reports and the overflow queue.
    public var name: String
    /// Every condition must hold for a lead to belong (empty: every lead, as for the default).
    public var conditions: [TerritoryMatch]
    /// The reps' work emails; inactive or unknown reps are skipped.
    public var repEmails: [EmailAddress]

    /// A territory.
    public init(name: String, conditions: [TerritoryMatch], repEmails: [EmailAddress]) {
        self.name = name
        self.conditions = conditions
        self.repEmails = repEmails
    }

    /// Whether the lead belongs to this territory.
    public func contains(_ lead: Lead) -> Bool { conditions.allSatisfy { $0.matches(lead) } }
}
