import Foundation

/// The transaction ``PostgresLeadStore/atomically(_:)`` holds open on the current thread, so that
/// the verbs called inside it join it (the store's verbs run synchronously on their caller's
/// thread, so a thread-local binding reaches exactly the calls made inside the scope). Keyed by the
/// connection pool, so another store used inside keeps its own transactions.
final class OpenPostgresTransaction {
    let session: PostgresSession
    /// Savepoints opened so far (each joined verb gets its own).
    var savepoints = 0
    private static let key = "LeadRelay.OpenPostgresTransaction"

    private init(_ session: PostgresSession) { self.session = session }

    static func current(for pool: PostgresConnectionPool) -> OpenPostgresTransaction? {
        let bindings = Thread.current.threadDictionary[key] as? [ObjectIdentifier: OpenPostgresTransaction]
        return bindings?[ObjectIdentifier(pool)]
    }

    static func bind<T>(_ session: PostgresSession, of pool: PostgresConnectionPool, _ body: () throws -> T) rethrows
        -> T
    {
        let thread = Thread.current
        var bindings = thread.threadDictionary[key] as? [ObjectIdentifier: OpenPostgresTransaction] ?? [:]
        bindings[ObjectIdentifier(pool)] = OpenPostgresTransaction(session)
        thread.threadDictionary[key] = bindings
        defer {
            var remaining = thread.threadDictionary[key] as? [ObjectIdentifier: OpenPostgresTransaction] ?? [:]
            remaining[ObjectIdentifier(pool)] = nil
            thread.threadDictionary[key] = remaining.isEmpty ? nil : remaining
        }
        return try body()
    }
}
