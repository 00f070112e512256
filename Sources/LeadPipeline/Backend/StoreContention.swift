import PostgresStore
import SQLiteStore

/// Another writer held the store's write lock longer than the store waits (an operator's admin verb
/// in another process, a long import): nothing was written by the failed call, and the same
/// request can be retried. The server answers it `503` with `Retry-After`; admin verbs print
/// ``busyLine`` and exit 75.
public enum StoreContention {
    /// Seconds a client is asked to wait before it retries (`Retry-After`).
    public static let retryAfterSeconds = SQLiteContention.retryAfterSeconds

    /// Seconds a write waits for another writer's lock before it fails.
    public static let waitSeconds = Int(SQLiteLeadStore.busyTimeout)

    /// Whether `error` is the store's lock contention (SQLite's busy timeout; PostgreSQL's lock
    /// timeout, a deadlock or a serialization failure).
    public static func isBusy(_ error: any Error) -> Bool {
        SQLiteContention.isBusy(error) || PostgresContention.isBusy(error)
    }

    /// The one line an admin verb prints for it.
    public static let busyLine = SQLiteContention.busyLine
}
