import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `sla run`: escalates leads left `assigned` past the follow-up SLA.
struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla", abstract: "The follow-up SLA: escalate leads not accepted or rejected in time.",
        subcommands: [Run.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reassign every lead assigned longer than the SLA and record the breach against the rep.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var rules: RoutingRulesOptions
        @OptionGroup var format: OutputFormatOptions
        @Option(help: "The SLA in hours.") var hours: Double = SLAEscalation.defaultHours
        @Option(help: "The clock reading to use (ISO 8601; default: now).") var now: ISODateArgument?

        func validate() throws {
            guard SLAEscalation.acceptsHours(hours) else {
                throw ValidationError("--hours: \(SLAEscalation.hoursRule), not \(hours)")
            }
        }

        func run() throws {
            let escalation = try store.openBackend().escalation(rules: try rules.load(), slaHours: hours)
            let summary = try escalation.run(now: now?.date ?? Date())
            if format.json {
                Console.current.line(try JSONOutput.render(summary))
                return
            }
            Console.current.line(
                "checked \(summary.checked) assigned leads: \(summary.breached) past the \(hours)-hour SLA, "
                    + "\(summary.escalated) reassigned, \(summary.unescalated) with no other rep to take them")
        }
    }
}
