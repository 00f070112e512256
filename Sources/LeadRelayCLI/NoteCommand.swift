import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// `leadrelay note LEAD TEXT`: queues a note on a lead.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note to a lead (works offline; sent on the next sync).")

    @OptionGroup var home: HomeOptions

    @Argument(help: ArgumentHelp("The lead's id or any unique prefix of it.", valueName: "lead"))
    var lead: String

    @Argument(help: ArgumentHelp("The note's text.", valueName: "text"))
    var text: String

    func validate() throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the note is empty") }
    }

    func run() throws {
        let intent = MutationIntent.addNote(text: text.trimmingCharacters(in: .whitespacesAndNewlines))
        let (local, mutation) = try VerdictQueue.queue(intent, leadPrefix: lead, home: home)
        Console.current.line(VerdictQueue.confirmation(local, mutation))
    }
}
