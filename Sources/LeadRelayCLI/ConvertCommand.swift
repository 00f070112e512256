import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// `leadrelay convert LEAD`: queues the verdict in the outbox.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Mark an accepted lead converted: it became an opportunity (works offline).")

    @OptionGroup var home: HomeOptions

    @Argument(help: ArgumentHelp("The lead's id or any unique prefix of it.", valueName: "lead"))
    var lead: String

    func run() throws {
        let (local, mutation) = try VerdictQueue.queue(.convert, leadPrefix: lead, home: home)
        Console.current.line(VerdictQueue.confirmation(local, mutation))
    }
}
