/// Why the PostgreSQL store could not be opened or used, beyond the contract's `LeadStoreError`.
public enum PostgresStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `postgres://` URL is malformed (names what is wrong, without the password).
    case badURL(String)
    /// A migration failed (its name and the server's message).
    case migrationFailed(name: String, message: String)

    /// A sentence naming what failed, for logs and CLI errors.
    public var description: String {
        switch self {
        case .badURL(let detail): return "bad PostgreSQL URL: \(detail)"
        case .migrationFailed(let name, let message): return "PostgreSQL migration \(name) failed: \(message)"
        }
    }
}
