/// Whether an error means another writer held a lock the store needed for longer than its lock
/// timeout (``PostgresContention/lockTimeoutSeconds``), or that PostgreSQL broke a deadlock or a
/// serialization conflict by failing this transaction: nothing was written, and the same request
/// can be retried.
public enum PostgresContention {
    /// Seconds a statement waits for a lock before it fails (`lock_timeout`, set on every
    /// connection the store opens): as long as the SQLite store's busy timeout.
    public static let lockTimeoutSeconds = 5

    /// Whether `error` is one of those: SQLSTATE 55P03 (lock timeout), 40P01 (deadlock) or 40001
    /// (serialization failure).
    public static func isBusy(_ error: any Error) -> Bool { PostgresErrors.isContention(error) }
}
