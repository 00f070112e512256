import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// `leadrelay note LEAD TEXT` (or `--note-file F`, `-` for standard input): queues a note on a lead.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note to a lead (works offline; sent on the next sync).")

    @OptionGroup var home: HomeOptions

    @Argument(help: ArgumentHelp("The lead's id or any unique prefix of it.", valueName: "lead"))
    var lead: String

    @Argument(help: ArgumentHelp("The note's text; '-' reads it from standard input.", valueName: "text"))
    var text: String?

    @Option(help: ArgumentHelp("A file holding the note ('-': standard input).", valueName: "file"))
    var noteFile: String?

    func run() throws {
        guard let note = try NoteInput.read(text: text, file: noteFile, option: "TEXT") else {
            throw CommandFailure.user("give the note's text, or --note-file FILE")
        }
        let (local, mutation) = try VerdictQueue.queue(.addNote(text: note), leadPrefix: lead, home: home)
        Console.current.line(VerdictQueue.confirmation(local, mutation))
    }
}
