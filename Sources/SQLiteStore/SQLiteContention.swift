import GRDB
import StoreContract

/// Whether an error means another writer held SQLite's write lock for longer than the store's
/// busy timeout (``SQLiteLeadStore/busyTimeout``, 5 seconds): an operator's admin verb in another
/// process, a long import. Nothing was written by the failed call; the same request can be
/// retried. The server answers it `503` with `Retry-After`, the admin verbs with one line.
public enum SQLiteContention {
    /// Seconds a client is asked to wait before it retries (`Retry-After`).
    public static let retryAfterSeconds = 2

    /// Whether `error` is SQLite's `SQLITE_BUSY` or `SQLITE_LOCKED` (any extended code).
    public static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    /// The one line an admin verb prints for it.
    public static let busyLine =
        "the database is busy: another process (a running import, route or serve) held its write lock for \(Int(SQLiteLeadStore.busyTimeout)) s; nothing was changed, run the command again"
}
