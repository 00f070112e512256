public import ArgumentParser
import CommandLineSupport
import Foundation
import LocalStore

/// `leadrelay`: the sales rep's client (SPEC §6), standing in for the phone app. It keeps the
/// rep's leads in a local store, works offline, and syncs with `leadrelay-server`.
public struct LeadRelayCommand: AsyncParsableCommand {
    /// The verbs and the help text.
    public static let configuration = CommandConfiguration(
        commandName: "leadrelay",
        abstract: "LeadRelay for sales reps: sync your qualified leads, work them offline, send your verdicts.",
        discussion: """
            Every verb but login and sync works offline; verdicts wait in an outbox until the next sync.
            Exit status: 0 on success, 1 for a user error, 2 when a sync or the server failed.
            """,
        subcommands: [
            LoginCommand.self, LogoutCommand.self, SyncCommand.self, LeadsCommand.self, ShowCommand.self,
            AcceptCommand.self, RejectCommand.self, ConvertCommand.self, NoteCommand.self, StatusCommand.self,
            ReasonsCommand.self,
        ])

    /// The root command (ArgumentParser builds it when parsing).
    public init() {}

    /// Parses `arguments` (without the program name), runs the command, and returns the exit
    /// status: 0 on success (and for `--help`), 1 for a user error (a command line that does not
    /// parse, bad input, not logged in, no such lead), 2 when a sync or the server failed. Errors
    /// go to ``Console/current`` standard error as one line starting `error:`.
    public static func execute(arguments: [String]) async -> Int32 {
        let console = Console.current
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let failure as CommandFailure {
            console.failure(failure.description)
            return failure.status
        } catch let failure as LocalStoreError {
            console.failure(failure.description)
            return 1
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                console.line(message)
                return 0
            }
            // One line: the error's own lines (a list of valid values included), without the usage.
            console.failure(message)
            return 1
        }
    }
}
