import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `import events FILE --mapping M`: engagement events (lead key, type, timestamp, optional value)
/// through an events mapping, then rescoring of the touched leads under the current model.
struct ImportEventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Import engagement events from a CSV file through an events mapping (YAML); rescore touched leads.",
        discussion: """
            Each row names its lead by external id or email; a row naming no known lead is reported with its row \
            number and skipped. The same event imported twice is stored once. Exit status 0 when every row was \
            imported, 1 when a row or the file was rejected.
            """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var format: OutputFormatOptions
    @Argument(help: "The CSV file of events.") var file: String
    @Option(help: "The events mapping (YAML): lead, type, timestamp, optional value and id columns.")
    var mapping: String

    func run() throws {
        let eventMapping: EventMapping
        do {
            eventMapping = try EventMapping.load(path: mapping)
        } catch {
            throw CommandFailure(error.description)
        }
        let backend = try store.openBackend()
        let model = try CurrentScoringModel.optional(in: backend)
        let summary: EventImportSummary
        do {
            summary = try backend.eventImporter().run(csvPath: file, mapping: eventMapping, model: model)
        } catch let error as IntakeError {
            throw CommandFailure(error.description)
        }
        if format.json {
            Console.current.line(try JSONOutput.render(summary))
        } else {
            var lines = [
                "imported events from \(summary.file)",
                "  rows read     \(summary.rowsRead)",
                "  added         \(summary.added)",
                "  duplicates    \(summary.duplicates)",
                "  rejected      \(summary.rejected.count)"
                    + (summary.futureDated > 0 ? " (\(summary.futureDated) dated in the future)" : ""),
                "  leads touched \(summary.leadsTouched)",
                "  time          \(String(format: "%.3f", summary.durationSeconds)) s",
            ]
            for rejection in summary.rejected.prefix(ImportSummaryText.listedRejections) {
                lines.append(
                    "  row \(rejection.row)\(rejection.column.map { ", column \($0)" } ?? ""): \(rejection.reason)")
            }
            if summary.rejected.count > ImportSummaryText.listedRejections {
                lines.append(
                    "  … and \(summary.rejected.count - ImportSummaryText.listedRejections) more (--json lists all)")
            }
            if let scoring = summary.scoring {
                lines.append(ScoringRunText(summary: scoring).rendered)
            } else if summary.leadsTouched > 0 {
                lines.append("no scoring model is set, so no lead was rescored: \(CurrentScoringModel.setHint)")
            }
            Console.current.line(lines.joined(separator: "\n"))
        }
        if !summary.rejected.isEmpty { throw ExitCode.failure }
    }
}
