import ArgumentParser
import Foundation
import LeadPipeline

/// The `--rules FILE` option of the verbs that pick reps (route, sla, reps deactivate).
struct RoutingRulesOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help:
            "Routing rules (YAML, see routing/example.yaml) for this run only; without it, the stored rules (`routing set`), else reps' own territories matched against lead countries."
    )
    var path: String?

    /// The rules, or `nil` without `--rules` (the services then use the stored rules in force,
    /// else the reps' territories: ``RoutingRulesCatalog/resolve(_:reps:)``).
    /// - Throws: ``CommandFailure`` naming the file when it cannot be read or is not valid rules.
    func load() throws -> RoutingRules? {
        guard let path else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot read the routing rules \(path): \(error.localizedDescription)")
        }
        do {
            return try RoutingRules.parse(yaml: text, file: path)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
