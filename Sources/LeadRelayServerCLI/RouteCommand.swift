import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `route`: hands every `mql` lead to one active rep (and re-routes deactivated reps' leads).
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Hand every MQL to an active rep by territory and remaining capacity, highest score first.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RoutingRulesOptions
    @OptionGroup var format: OutputFormatOptions
    @Option(help: "The clock reading to use (ISO 8601; default: now).") var now: ISODateArgument?

    func run() throws {
        let date = now?.date ?? Date()
        let router = try store.openBackend().router(rules: try rules.load(), now: { date })
        let summary = try router.route()
        if format.json {
            Console.current.line(try JSONOutput.render(summary))
            return
        }
        Console.current.line(RoutingSummaryText.render(summary))
    }
}
