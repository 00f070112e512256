import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// `leadrelay logout`: wipes this rep's data from the device.
struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Log out and wipe this rep's leads, outbox and token from the device.")

    @OptionGroup var home: HomeOptions

    @Flag(help: "Log out even when verdicts are still waiting to be sent (they are lost).")
    var force = false

    func run() throws {
        let database = try home.open()
        guard try database.session() != nil else {
            Console.current.line("Not logged in; nothing to wipe.")
            return
        }
        let unsent = try database.outbox(states: [.queued, .sent]).count
        if unsent > 0 && !force {
            throw CommandFailure.user(
                "\(unsent) change\(unsent == 1 ? " is" : "s are") not sent yet; run 'leadrelay sync' first, or 'leadrelay logout --force' to drop them"
            )
        }
        try database.wipe()
        Console.current.line("Logged out; this rep's data is wiped from the device.")
    }
}
