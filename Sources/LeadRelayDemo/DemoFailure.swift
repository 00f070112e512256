import Foundation

/// Why the demo stopped: one line that says what to do.
public struct DemoFailure: Error, CustomStringConvertible, Sendable {
    /// The message, without an `error:` prefix.
    public let description: String

    /// A failure with its message.
    init(_ description: String) { self.description = description }
}
