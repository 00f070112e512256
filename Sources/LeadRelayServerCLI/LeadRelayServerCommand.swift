public import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `leadrelay-server`: the admin verbs marketing ops and sales managers use against the server's
/// store (import, leads, reps, stats).
public struct LeadRelayServerCommand: AsyncParsableCommand {
    /// The verb tree.
    public static let configuration = CommandConfiguration(
        commandName: "leadrelay-server",
        abstract: "LeadRelay server: import and score marketing's leads, hand the qualified ones to sales reps.",
        subcommands: [
            ImportCommand.self, LeadsCommand.self, RepsCommand.self, StatsCommand.self, ModelCommand.self,
            ScoreCommand.self, EvaluateCommand.self, RoutingCommand.self, RouteCommand.self, SLACommand.self,
            RecycleCommand.self,
            ReportCommand.self, TokensCommand.self, BackupCommand.self, RestoreCommand.self, ServeCommand.self,
        ])

    /// The root command (argument parser entry).
    public init() {}

    /// Parses `arguments` (without the program name), runs the command, and returns the exit
    /// status: 0 on success (and for `--help`), 1 when the input or the request is wrong, 64 for
    /// a command line that does not parse. Errors go to ``Console/current`` standard error as one
    /// line starting `error:`.
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
            return 1
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch  where StoreContention.isBusy(error) {
            console.failure(StoreContention.busyLine)
            return 75  // EX_TEMPFAIL: try again later
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                console.line(message)
            } else {
                console.failure(message)
            }
            return code.rawValue
        }
    }
}
