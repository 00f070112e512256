import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline
import LeadScoring
import StoreContract

/// `model show | set | history | calibrate`: the versioned scoring model (SPEC §4).
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Show, set, list and calibrate the scoring model.",
        subcommands: [Show.self, SetModel.self, History.self, ModelCalibrateCommand.self])

    /// Who saves a model: `admin:$USER`.
    static var author: String {
        "admin:" + (ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown")
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the model in force and its document.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions

        struct Shown: Encodable {
            var version: Int
            var createdAt: Date
            var createdBy: String
            var note: String?
            var model: ScoringModel
        }

        func run() throws {
            let backend = try store.openBackend()
            guard let stored = try backend.currentScoringModel() else {
                throw CommandFailure("no scoring model is set; set one first: \(CurrentScoringModel.setHint)")
            }
            let model: ScoringModel
            do {
                model = try backend.scoringModels.model(of: stored)
            } catch {
                throw CommandFailure(error.description)
            }
            if format.json {
                Console.current.line(
                    try JSONOutput.render(
                        Shown(
                            version: stored.version, createdAt: stored.createdAt, createdBy: stored.createdBy,
                            note: stored.note, model: model)))
                return
            }
            let console = Console.current
            console.line("model version \(stored.version): \(model.name)")
            console.line("  set \(stored.createdAt.ISO8601Format()) by \(stored.createdBy)")
            if let note = stored.note { console.line("  note: \(note)") }
            console.line(
                "  \(model.fitRules.count) fit rules, \(model.engagementRules.count) engagement rules, "
                    + "qualifies at \(RuleValue.number(model.qualification.threshold)) points")
            console.line()
            console.line(stored.document.hasSuffix("\n") ? String(stored.document.dropLast()) : stored.document)
        }
    }

    struct SetModel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Validate a model file, save it as a new version, and rescore every lead not yet with sales.",
            discussion: """
                The version number is assigned by the store (one above the highest), whatever the file says. A file \
                that does not validate is refused with the key (and line) at fault, and the current model stays \
                in force.
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions
        @Argument(help: "The model file (JSON or YAML); see models/.") var file: String
        @Option(help: "Why the model changes (kept in the history).") var note: String?

        struct Result: Encodable {
            var version: Int
            var name: String
            var scoring: ScoringRunSummary
        }

        func run() throws {
            let backend = try store.openBackend()
            let change: LeadRelayBackend.ModelChange
            do {
                change = try backend.putScoringModelInForce(
                    path: file, note: note, createdBy: ModelCommand.author, at: Date())
            } catch let error as ScoringModelLoadError {
                throw CommandFailure(error.description)
            }
            let (model, summary) = (change.model, change.scoring)
            if format.json {
                Console.current.line(
                    try JSONOutput.render(Result(version: model.version, name: model.name, scoring: summary)))
                return
            }
            Console.current.line("model version \(model.version) set: \(model.name)")
            Console.current.line(ScoringRunText(summary: summary).rendered)
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every model version, oldest first.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions

        struct Entry: Encodable {
            var version: Int
            var name: String?
            var createdAt: Date
            var createdBy: String
            var note: String?
        }

        func run() throws {
            let backend = try store.openBackend()
            let catalog = backend.scoringModels
            let entries = try backend.storedScoringModels().map { stored in
                Entry(
                    version: stored.version, name: try? catalog.model(of: stored).name, createdAt: stored.createdAt,
                    createdBy: stored.createdBy, note: stored.note)
            }
            if format.json {
                Console.current.line(try JSONOutput.render(entries))
                return
            }
            guard !entries.isEmpty else {
                Console.current.line("no model versions yet; set one: \(CurrentScoringModel.setHint)")
                return
            }
            var table = TextTable("VERSION", "SET AT", "BY", "NAME", "NOTE")
            for entry in entries {
                table.append([
                    String(entry.version), entry.createdAt.ISO8601Format(), entry.createdBy,
                    entry.name ?? "(unreadable)",
                    entry.note ?? "-",
                ])
            }
            Console.current.line(table.rendered())
        }
    }
}
