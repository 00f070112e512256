import Foundation

/// Where the command-line tools (`leadrelay`, `leadrelay-server`, the demo) write: standard output and standard error by default, a buffer in
/// tests (set with `Console.$current.withValue`).
public struct Console: Sendable {
    /// Writes one chunk of standard output text.
    public let writeOut: @Sendable (String) -> Void
    /// Writes one chunk of standard error text.
    public let writeError: @Sendable (String) -> Void

    /// A console from two writers.
    public init(writeOut: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void) {
        self.writeOut = writeOut
        self.writeError = writeError
    }

    /// The process's standard output and standard error.
    public static let standard = Console(
        writeOut: { FileHandle.standardOutput.write(Data($0.utf8)) },
        writeError: { FileHandle.standardError.write(Data($0.utf8)) })

    /// The console commands write to in the current task.
    @TaskLocal public static var current: Console = .standard

    /// Prints a line to standard output.
    public func line(_ text: String = "") { writeOut(text + "\n") }
    /// Prints a line to standard error.
    public func errorLine(_ text: String) { writeError(text + "\n") }

    /// Prints a failure the one way all three tools do: `error: ` and one line. An argument
    /// parser's message (`Error: …`, its extra lines, its usage block) is folded to that shape.
    public func failure(_ message: String) { errorLine(Self.failureLine(message)) }

    /// `message` as one `error: …` line: the lines before any `Usage:` line, trimmed and joined by
    /// spaces, without an `Error:`/`error:` prefix of its own.
    public static func failureLine(_ message: String) -> String {
        var text = message.split(separator: "\n").prefix { !$0.hasPrefix("Usage:") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        for prefix in ["Error:", "error:"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        return "error: \(text)"
    }
}
