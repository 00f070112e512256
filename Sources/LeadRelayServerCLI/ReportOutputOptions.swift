import ArgumentParser
import CommandLineSupport
import Foundation

/// The output choices of `report`: a readable summary by default, or `--json` (standard output),
/// `--csv FILE` or `--html FILE`.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Only leads with a stage change on or after this date (ISO 8601).") var since: ISODateArgument?
    @Flag(help: "Print JSON instead of a summary.") var json = false
    @Option(help: "Write a spreadsheet-safe CSV to this file.") var csv: String?
    @Option(help: "Write a self-contained HTML page with charts to this file.") var html: String?

    func validate() throws {
        guard [json, csv != nil, html != nil].filter({ $0 }).count <= 1 else {
            throw ValidationError("choose one of --json, --csv FILE, --html FILE")
        }
    }

    /// Writes `text` to `path`.
    /// - Throws: ``CommandFailure`` naming the path.
    func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
        Console.current.line("wrote \(path)")
    }
}
