import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// `leadrelay status`: login, last sync, queued and refused changes.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the last sync and the changes still queued or refused by the server (works offline).")

    @OptionGroup var home: HomeOptions

    func run() throws {
        let console = Console.current
        let database = try home.open()
        guard let session = try database.session() else {
            console.line("Not logged in. Run 'leadrelay login --server URL --token TOKEN'.")
            return
        }
        if session.token == nil {
            console.line("Server: \(session.serverURL) (token refused: log in again with 'leadrelay login')")
        } else {
            console.line("Server: \(session.serverURL)")
        }
        console.line("Client id: \(session.clientID)")
        if let last = session.lastSyncAt {
            let digest = session.lastDigest.map { " (\($0.count) leads verified)" } ?? ""
            console.line("Last sync: \(LeadFormatting.time(last))\(digest)")
        } else {
            console.line(
                "Last sync: never\(session.cursor != nil ? " completed (a sync was interrupted; run 'leadrelay sync' to resume)" : "")"
            )
        }
        console.line("Leads on this device: \(try database.leadCount())")
        let unsent = try database.outbox(states: [.queued, .sent])
        console.line("Queued: \(unsent.count)")
        for entry in unsent {
            console.line(
                "  #\(entry.mutation.mutationID)  \(LeadFormatting.intent(entry.mutation.intent))  \(LeadFormatting.shortID(entry.leadID)) \(entry.leadLabel)  \(entry.state.rawValue)"
            )
        }
        let refused = try database.outbox(states: [.refused])
        console.line("Refused: \(refused.count)")
        for entry in refused {
            console.line(
                "  #\(entry.mutation.mutationID)  \(LeadFormatting.intent(entry.mutation.intent))  \(LeadFormatting.shortID(entry.leadID)) \(entry.leadLabel)  \(RefusalAdvice.text(for: entry.refusalCode))"
            )
        }
    }
}
