/// Where one outbox row stands (SPEC §6): only the server's answer moves it past `sent`.
public enum OutboxState: String, CaseIterable, Codable, Sendable {
    /// Written on the device, not yet handed to the server.
    case queued
    /// Handed to the server at least once, no answer kept yet; sent again by the next sync.
    case sent
    /// The server applied it (or answered that it had already applied it).
    case applied
    /// The server refused it for good with a code (``OutboxEntry/refusalCode``).
    case refused

    /// Whether the next sync sends it (queued or sent).
    public var isUnsent: Bool { self == .queued || self == .sent }
}
