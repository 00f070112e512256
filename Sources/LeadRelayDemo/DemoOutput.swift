import Foundation

/// Where the demo writes its transcript: standard output by default, a buffer in tests (set with
/// `DemoOutput.$current.withValue`).
public struct DemoOutput: Sendable {
    /// Writes one chunk of text.
    public let write: @Sendable (String) -> Void

    /// An output from a writer.
    public init(write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// The process's standard output.
    public static let standard = DemoOutput { FileHandle.standardOutput.write(Data($0.utf8)) }

    /// The output the demo writes to in the current task.
    @TaskLocal public static var current: DemoOutput = .standard

    /// Writes a line.
    func line(_ text: String = "") { write(text + "\n") }

    /// Writes every line of `text` indented by `prefix` (empty trailing lines dropped).
    func indented(_ text: String, prefix: String = "   ") {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        for line in lines { write(prefix + line + "\n") }
    }
}
