import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// `leadrelay reject LEAD --reason CODE [--note TEXT]`: queues a rejection with a reason code.
struct RejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Mark a lead unqualified with a reason code (works offline; sent on the next sync).",
        discussion: "Reason codes:\n"
            + ReasonCode.table.map { "  \($0.code.rawValue): \($0.meaning)" }.joined(separator: "\n")
            + "\nRun 'leadrelay reasons' for what each code does to the lead.")

    @OptionGroup var home: HomeOptions

    @Argument(help: ArgumentHelp("The lead's id or any unique prefix of it.", valueName: "lead"))
    var lead: String

    @Option(help: ArgumentHelp("Why the lead is not qualified: one of the codes below.", valueName: "code"))
    var reason: ReasonCode

    @Option(
        help: ArgumentHelp(
            "A note for marketing (required with --reason other); '-' reads it from standard input.", valueName: "text")
    )
    var note: String?

    @Option(help: ArgumentHelp("A file holding the note ('-': standard input).", valueName: "file"))
    var noteFile: String?

    func run() throws {
        let text = try NoteInput.read(text: note, file: noteFile, option: "--note")
        if reason.entry.requiresNote && text == nil {
            throw CommandFailure.user("--reason \(reason.rawValue) needs a --note saying why")
        }
        let (local, mutation) = try VerdictQueue.queue(.rejecting(reason, note: text), leadPrefix: lead, home: home)
        Console.current.line(VerdictQueue.confirmation(local, mutation))
    }
}
