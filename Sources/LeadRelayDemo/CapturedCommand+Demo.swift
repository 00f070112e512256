import CommandLineSupport
import LeadRelayCLI
import LeadRelayServerCLI

/// The demo's runs of the real `leadrelay-server` and `leadrelay` command code, with what they
/// printed: the demo drives the same code a terminal user runs, nothing reimplemented.
extension CapturedCommand {
    /// Runs `leadrelay-server ARGUMENTS`.
    static func server(_ arguments: [String]) async -> CapturedCommand {
        await run { await LeadRelayServerCommand.execute(arguments: arguments) }
    }

    /// Runs `leadrelay ARGUMENTS` as a non-terminal process with no environment variables (so
    /// `--home` alone picks the data folder and no progress bar is drawn).
    static func client(_ arguments: [String]) async -> CapturedCommand {
        await run {
            await ClientEnvironment.$current.withValue(ClientEnvironment(variables: [:], isTerminal: false)) {
                await LeadRelayCommand.execute(arguments: arguments)
            }
        }
    }

    /// This run's output, or a ``DemoFailure`` naming the command and its error when it failed.
    /// - Parameter what: the command as a user would type it, for the message.
    func checked(_ what: String) throws -> String {
        guard status == 0 else {
            let error = errorOutput.split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
            throw DemoFailure("`\(what)` failed: \(error)")
        }
        return output
    }
}
