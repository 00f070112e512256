import Foundation
import LeadModel
import Yams

extension RoutingRules {
    private struct Document: Decodable {
        struct Territory: Decodable {
            var name: String
            var match: [String: [String]]?
            var reps: [String]
        }
        struct Default: Decodable { var reps: [String]? }
        var territories: [Territory]?
        var `default`: Default?
    }

    /// Reads rules from YAML:
    /// ```yaml
    /// territories:
    ///   - name: south
    ///     match: {country: [BR, AR]}      # any lead field or attribute → accepted values
    ///     reps: [ana@example.com]
    /// default:
    ///   reps: [carla@example.com]         # omitted: every active rep
    /// ```
    /// - Parameter file: named in error messages.
    /// - Throws: ``RoutingRulesError`` naming the file and what is wrong (malformed YAML, a
    ///   territory without a name or reps, an invalid rep email, a duplicate territory name).
    public static func parse(yaml: String, file: String) throws(RoutingRulesError) -> RoutingRules {
        let document: Document
        do {
            document = try YAMLDecoder().decode(Document.self, from: yaml)
        } catch {
            throw RoutingRulesError("\(file): not a routing rules document: \(error)")
        }
        var names = Set<String>()
        var territories: [RoutingTerritory] = []
        for (index, territory) in (document.territories ?? []).enumerated() {
            let place = "\(file): territories[\(index)]"
            let name = territory.name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw RoutingRulesError("\(place): the name is empty") }
            guard name != defaultTerritoryName, names.insert(name).inserted else {
                throw RoutingRulesError("\(place): territory name '\(name)' is used twice or is reserved")
            }
            guard !territory.reps.isEmpty else { throw RoutingRulesError("\(place) '\(name)': no reps") }
            let conditions = (territory.match ?? [:]).sorted { $0.key < $1.key }.map {
                TerritoryMatch(field: $0.key, values: $0.value)
            }
            guard !conditions.isEmpty else {
                throw RoutingRulesError("\(place) '\(name)': no `match` (leads without a territory go to `default`)")
            }
            territories.append(
                RoutingTerritory(name: name, conditions: conditions, repEmails: try emails(territory.reps, at: place)))
        }
        let defaults = try document.default?.reps.map { reps throws(RoutingRulesError) in
            try emails(reps, at: "\(file): default")
        }
        return RoutingRules(territories: territories, defaultRepEmails: defaults)
    }

    private static func emails(_ texts: [String], at place: String) throws(RoutingRulesError) -> [EmailAddress] {
        try texts.map { text throws(RoutingRulesError) in
            let email = EmailAddress(text)
            guard email.isValid else { throw RoutingRulesError("\(place): '\(text)' is not a valid rep email") }
            return email
        }
    }
}
