import Synchronization

/// One in-process run of a command with what it printed: how the tests and the demo drive the
/// real `leadrelay` and `leadrelay-server` command code without a child process.
public struct CapturedCommand: Sendable {
    /// The command's exit status (0 on success).
    public let status: Int32
    /// What it wrote to standard output.
    public let output: String
    /// What it wrote to standard error.
    public let errorOutput: String

    /// Runs `command` with ``Console/current`` set to a buffer, and returns its status and text.
    /// - Parameter command: runs the command and returns its exit status.
    public static func run(_ command: () async -> Int32) async -> CapturedCommand {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(
            writeOut: { text in out.withLock { $0 += text } }, writeError: { text in err.withLock { $0 += text } })
        let status = await Console.$current.withValue(console) { await command() }
        return CapturedCommand(status: status, output: out.withLock { $0 }, errorOutput: err.withLock { $0 })
    }
}
