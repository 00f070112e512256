import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncClient
import SyncProtocol

/// `leadrelay login --server URL --token T`: checks the token with the server and keeps it.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to a LeadRelay server with the device token your manager issued.",
        discussion: "Logging in again (after an expired token) keeps your queued verdicts and your leads.")

    @OptionGroup var home: HomeOptions

    @Option(help: ArgumentHelp("The server's address, for example http://127.0.0.1:8080.", valueName: "url"))
    var server: String

    @Option(help: ArgumentHelp("Your device token (leadrelay-server tokens issue --rep REP).", valueName: "token"))
    var token: String

    @Flag(help: "Wipe another rep's leads and queued changes on this device and log in (as 'leadrelay logout' would).")
    var force = false

    func validate() throws {
        guard let url = URL(string: server), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw ValidationError("--server '\(server)' is not an http:// or https:// address")
        }
        guard !token.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--token is empty")
        }
    }

    func run() async throws {
        let database = try home.open()
        let serverURL = server.hasSuffix("/") ? String(server.dropLast()) : server
        if let session = try database.session(), session.serverURL != serverURL {
            throw CommandFailure.user(
                "this device is logged in to \(session.serverURL); run 'leadrelay logout' first (it wipes that data)")
        }
        guard let url = URL(string: serverURL) else { throw CommandFailure.user("bad --server '\(server)'") }
        let transport = ClientEnvironment.current.wrapTransport(HTTPSyncTransport(serverURL: url, token: token))
        let check: PullPage
        do {
            // A one-lead pull from no cursor checks the token and names its rep; no lead is kept.
            check = try await transport.pull(PullRequest(cursor: nil, limit: 1))
        } catch SyncError.unauthorized {
            let shape =
                token.utf8.count == DeviceTokenShape.length
                ? "" : " (a device token is \(DeviceTokenShape.length) characters; this one has \(token.utf8.count))"
            let kept = try database.outbox(states: [.queued, .sent]).isEmpty ? "" : "; your queued changes are kept"
            throw CommandFailure.user(
                "the server at \(serverURL) did not recognise this token\(shape): check that it was copied whole, or ask your manager for a new one (leadrelay-server tokens issue)\(kept)"
            )
        } catch let error as SyncError {
            throw CommandFailure.sync("the server refused the login: \(SyncFailureText.text(for: .refused(error)))")
        } catch let error as SyncTransportError {
            throw CommandFailure.sync("cannot log in at \(serverURL): \(error); check --server and try again")
        }
        // One rep's data is never shown to, or sent as, another rep (SPEC §5 rule 11). A home
        // whose rep is not recorded (kept by a version before this check) is treated as another
        // rep's: its data may not be mixed with the token's rep's either.
        if let previous = try database.session(),
            previous.repID == nil || (check.repID != nil && previous.repID != check.repID)
        {
            let leads = try database.leadCount()
            let changes = try database.outbox().count
            if leads > 0 || changes > 0 {
                guard force else {
                    let whose = previous.repID == nil ? "a rep this version cannot name" : "another rep"
                    throw CommandFailure.user(
                        "this device holds the data of \(whose) (\(leads) lead\(leads == 1 ? "" : "s"), \(changes) change\(changes == 1 ? "" : "s")); run 'leadrelay logout' first (it wipes them), or log in again with --force to wipe them now"
                    )
                }
                try database.wipe()
            }
        }
        let session = try database.logIn(serverURL: serverURL, token: token, repID: check.repID)
        let queued = try database.outbox(states: [.queued, .sent]).count
        var text = "Logged in to \(serverURL)."
        if queued > 0 { text += " \(queued) queued change\(queued == 1 ? "" : "s") kept for the next sync." }
        if session.lastSyncAt == nil { text += " Run 'leadrelay sync' to get your leads." }
        Console.current.line(text)
    }
}
