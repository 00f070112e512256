import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `score`: rescores every lead not yet with sales under the current model (after new events, or
/// as time decays engagement) and moves stages per SPEC §3.1.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Rescore every lead not yet with sales under the current model and move their stages.",
        discussion: """
            new → mql or nurturing; nurturing ⇄ mql. Leads that are assigned, accepted, converted or disqualified \
            are never touched; recycled leads are scored but not moved. A second run with nothing changed moves \
            no lead.
            """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var format: OutputFormatOptions

    func run() throws {
        let backend = try store.openBackend()
        let model = try CurrentScoringModel.required(in: backend)
        let summary = try backend.scoringRun().run(model: model)
        if format.json {
            Console.current.line(try JSONOutput.render(summary))
        } else {
            Console.current.line(ScoringRunText(summary: summary).rendered)
        }
    }
}
