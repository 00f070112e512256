import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncClient
import SyncProtocol

/// `leadrelay sync`: pushes the outbox, pulls the rep's leads, verifies the copy.
struct SyncCommand: AsyncParsableCommand {
    /// `1 change`, `2 changes`.
    static func changes(_ count: Int) -> String { "\(count) change\(count == 1 ? "" : "s")" }

    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send your queued verdicts and notes, then get your leads from the server.",
        discussion: "Draws a progress bar on a terminal; prints one summary line: pulled, removed, pushed, refused.")

    @OptionGroup var home: HomeOptions

    func run() async throws {
        let (database, session) = try home.openSession()
        guard let token = session.token else {
            throw CommandFailure.sync(
                "the server refused this device's token; log in again with 'leadrelay login --server \(session.serverURL) --token NEW_TOKEN' (your queued changes are kept)"
            )
        }
        guard let url = URL(string: session.serverURL) else {
            throw CommandFailure.user(
                "the stored server address '\(session.serverURL)' is not a URL; log out and log in")
        }
        let environment = ClientEnvironment.current
        let console = Console.current
        let engine = SyncEngine(
            transport: environment.wrapTransport(HTTPSyncTransport(serverURL: url, token: token)),
            store: environment.wrapStore(database),
            pageLimit: environment.pageLimit, retryPolicy: environment.retryPolicy, sleep: environment.sleep,
            jitter: environment.jitter, now: environment.now)
        let terminal = environment.isTerminal
        let summary: SyncSummary
        do {
            summary = try await engine.sync { progress in
                if terminal { console.writeError("\r\u{1B}[2K" + ProgressBar.line(for: progress)) }
            }
            if terminal { console.writeError("\r\u{1B}[2K") }
        } catch let failure as SyncFailure {
            if terminal { console.writeError("\r\u{1B}[2K") }
            if case .refused(.unauthorized) = failure { try database.forgetToken() }
            throw CommandFailure.sync(SyncFailureText.text(for: failure, serverURL: session.serverURL))
        }
        var line =
            "Synced: pulled \(summary.pulled), removed \(summary.removed), pushed \(summary.pushed), refused \(summary.refused)."
        line += " \(summary.digest.count) lead\(summary.digest.count == 1 ? "" : "s") on this device."
        if summary.resent > 0 {
            line +=
                " (The server had lost \(Self.changes(summary.resent)) (restored from a backup); \(summary.resent == 1 ? "it was" : "they were") sent again.)"
        }
        if summary.renumbered > 0 {
            line +=
                " (\(Self.changes(summary.renumbered)) \(summary.renumbered == 1 ? "was" : "were") numbered again: this device was restored from an earlier copy.)"
        }
        if summary.resynced { line += " (The server asked for a full resync; your queued changes were kept.)" }
        if summary.repaired { line += " (The local copy did not match the server's and was rebuilt.)" }
        if summary.refused > 0 { line += " Run 'leadrelay status' to see why changes were refused." }
        console.line(line)
        // Leads pulled, but changes left unsent: never a silent success (SPEC §5 rule 11).
        if summary.leftUnsent > 0 || summary.pushFailure != nil {
            let count = summary.leftUnsent
            let changes = "\(count) queued change\(count == 1 ? " was" : "s were") not sent"
            let why =
                summary.pushFailure.map { SyncFailureText.text(for: $0, serverURL: session.serverURL) }
                ?? "the server did not take them in order yet"
            throw CommandFailure.sync(
                "\(changes) (\(why)); they stay queued for the next 'leadrelay sync' ('leadrelay status' lists them)")
        }
    }
}
