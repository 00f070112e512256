/// Why a cursor's text could not be read.
public enum SyncCursorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not in the form `c1.<epoch>.<sequence>` (names the text received).
    case malformed(String)

    /// A sentence naming the bad cursor.
    public var description: String {
        switch self {
        case .malformed(let text): return "'\(text)' is not a sync cursor issued by this server"
        }
    }
}
