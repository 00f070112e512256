public import LeadModel

/// The sales manager's routing rules (issue 6): territories matched in order, each with its reps,
/// and a default territory for leads no territory matches. Read from YAML by
/// ``RoutingRules/parse(yaml:file:)``; `routing/example.yaml` shows the format.
public struct RoutingRules: Hashable, Sendable {
    /// The name of the default territory.
    public static let defaultTerritoryName = "default"

    /// Territories, first match wins.
    public var territories: [RoutingTerritory]
    /// The reps of leads no territory matches; `nil` means every active rep.
    public var defaultRepEmails: [EmailAddress]?

    /// Rules.
    public init(territories: [RoutingTerritory], defaultRepEmails: [EmailAddress]?) {
        self.territories = territories
        self.defaultRepEmails = defaultRepEmails
    }

    /// The rules used without a rules file: one territory per distinct rep `territory`, matched
    /// against the lead's `country`; every other lead goes to the reps without a territory (to
    /// every active rep when all have one).
    public static func fromRepTerritories(_ reps: [Rep]) -> RoutingRules {
        var byTerritory: [String: [EmailAddress]] = [:]
        var order: [String] = []
        var unplaced: [EmailAddress] = []
        for rep in reps where rep.isActive {
            guard let territory = rep.territory, !territory.isEmpty else {
                unplaced.append(rep.email)
                continue
            }
            if byTerritory[territory] == nil { order.append(territory) }
            byTerritory[territory, default: []].append(rep.email)
        }
        return RoutingRules(
            territories: order.map {
                RoutingTerritory(
                    name: $0, conditions: [TerritoryMatch(field: "country", values: [$0])],
                    repEmails: byTerritory[$0] ?? [])
            },
            defaultRepEmails: unplaced.isEmpty ? nil : unplaced)
    }

    /// The territory a lead belongs to: the first that matches, else the default.
    public func territory(for lead: Lead) -> (name: String, repEmails: [EmailAddress]?) {
        if let match = territories.first(where: { $0.contains(lead) }) { return (match.name, match.repEmails) }
        return (Self.defaultTerritoryName, defaultRepEmails)
    }
}
