import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `report funnel | quality`: the funnel and the lead-quality feedback loop.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for marketing and sales: the funnel and lead quality.",
        subcommands: [Funnel.self, Quality.self])

    struct Funnel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Leads per stage, conversion MQL → accepted → converted (overall, by source), time in stage.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: ReportOutputOptions

        func run() throws {
            let report = try store.openBackend().reports().funnel(since: output.since?.date)
            if output.json { return Console.current.line(try JSONOutput.render(report)) }
            if let path = output.csv { return try output.write(report.csv, to: path) }
            if let path = output.html { return try output.write(report.html, to: path) }
            Console.current.line(ReportText.funnel(report))
        }
    }

    struct Quality: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Acceptance of handed leads by source, score band, grade and rule; rejection reasons; SLA per rep.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: ReportOutputOptions
        @Option(help: "The follow-up SLA to measure compliance against, in hours.")
        var slaHours: Double = SLAEscalation.defaultHours

        func validate() throws {
            guard SLAEscalation.acceptsHours(slaHours) else {
                throw ValidationError("--sla-hours: \(SLAEscalation.hoursRule), not \(slaHours)")
            }
        }

        func run() throws {
            let report = try store.openBackend().reports()
                .quality(since: output.since?.date, slaHours: slaHours)
            if output.json { return Console.current.line(try JSONOutput.render(report)) }
            if let path = output.csv { return try output.write(report.csv, to: path) }
            if let path = output.html { return try output.write(report.html, to: path) }
            Console.current.line(ReportText.quality(report))
        }
    }
}
