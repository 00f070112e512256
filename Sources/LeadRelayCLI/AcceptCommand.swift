import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// `leadrelay accept LEAD`: queues the verdict in the outbox.
struct AcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept a lead: sales takes it (works offline; sent on the next sync).")

    @OptionGroup var home: HomeOptions

    @Argument(help: ArgumentHelp("The lead's id or any unique prefix of it.", valueName: "lead"))
    var lead: String

    func run() throws {
        let (local, mutation) = try VerdictQueue.queue(.accept, leadPrefix: lead, home: home)
        Console.current.line(VerdictQueue.confirmation(local, mutation))
    }
}
