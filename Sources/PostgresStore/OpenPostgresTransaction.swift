import StoreContract

/// The transaction ``PostgresLeadStore/atomically(_:)`` holds open on the current thread (bound
/// through ``ThreadBoundTransaction``, keyed by the store's connection pool): its session, and the
/// savepoints the verbs joining it have opened.
final class OpenPostgresTransaction {
    let session: PostgresSession
    /// Savepoints opened so far (each joined verb gets its own).
    var savepoints = 0

    init(_ session: PostgresSession) { self.session = session }

    /// The transaction open on this thread for `pool`, if any.
    static func current(for pool: PostgresConnectionPool) -> OpenPostgresTransaction? {
        ThreadBoundTransaction.current(for: pool, as: OpenPostgresTransaction.self)
    }
}
