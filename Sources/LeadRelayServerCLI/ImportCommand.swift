import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `import leads FILE --mapping M [--strict]`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import marketing's files into the store.",
        subcommands: [Leads.self, ImportEventsCommand.self])

    struct Leads: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import leads from a CSV file through a column mapping (YAML).",
            discussion: """
                Re-running an import changes nothing. Rows that cannot be read are reported with their row number \
                (the header is row 1), column and reason; the good rows are kept unless --strict is given. \
                Exit status 0 when every row was imported, 1 when a row or the file was rejected.
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "The mapping file (YAML): see mappings/ for the shipped ones.") var mapping: String
        @Flag(help: "Refuse the whole file when any row is rejected.") var strict = false

        func run() throws {
            let plan: LeadImportPlan
            do {
                plan = try LeadImportPlan(csvPath: file, mappingPath: mapping)
            } catch {
                throw CommandFailure(String(describing: error))
            }
            let summary: ImportSummary
            do {
                let backend = try store.openBackend()
                summary = try backend.leadImporter().run(
                    plan, strict: strict, model: try CurrentScoringModel.optional(in: backend))
            } catch let failure as CommandFailure {
                throw failure
            } catch  where StoreContention.isBusy(error) {
                throw error
            } catch {
                throw CommandFailure(String(describing: error))
            }
            if format.json {
                Console.current.line(try JSONOutput.render(summary))
            } else {
                Console.current.line(ImportSummaryText(summary: summary, strict: strict).rendered)
            }
            if !summary.rejected.isEmpty { throw ExitCode.failure }
        }
    }
}
