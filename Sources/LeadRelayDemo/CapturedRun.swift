import CommandLineSupport
import Foundation
import LeadRelayCLI
import LeadRelayServerCLI
import Synchronization

/// One in-process run of the real `leadrelay-server` or `leadrelay` command code, with what it
/// printed: the demo drives the same code a terminal user runs, nothing reimplemented.
struct CapturedRun: Sendable {
    /// The command's exit status (0 on success).
    let status: Int32
    /// What it wrote to standard output.
    let output: String
    /// What it wrote to standard error.
    let errorOutput: String

    /// Runs `leadrelay-server ARGUMENTS`.
    static func server(_ arguments: [String]) async -> CapturedRun {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(
            writeOut: { text in out.withLock { $0 += text } }, writeError: { text in err.withLock { $0 += text } })
        let status = await Console.$current.withValue(console) {
            await LeadRelayServerCommand.execute(arguments: arguments)
        }
        return CapturedRun(status: status, output: out.withLock { $0 }, errorOutput: err.withLock { $0 })
    }

    /// Runs `leadrelay ARGUMENTS` as a non-terminal process with no environment variables (so
    /// `--home` alone picks the data folder and no progress bar is drawn).
    static func client(_ arguments: [String]) async -> CapturedRun {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(
            writeOut: { text in out.withLock { $0 += text } }, writeError: { text in err.withLock { $0 += text } })
        let status = await Console.$current.withValue(console) {
            await ClientEnvironment.$current.withValue(ClientEnvironment(variables: [:], isTerminal: false)) {
                await LeadRelayCommand.execute(arguments: arguments)
            }
        }
        return CapturedRun(status: status, output: out.withLock { $0 }, errorOutput: err.withLock { $0 })
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
