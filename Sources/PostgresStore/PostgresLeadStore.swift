public import Foundation
import Logging
import StoreContract

/// The PostgreSQL implementation of the store contract (SPEC §7): several `serve` processes and
/// admin verbs on one database. Same tables, same rules, same documents as the SQLite store; what
/// differs is how writers in different processes are kept in commit order (see
/// ``PostgresLeadStore/appendChangeLog(_:at:in:)`` and ARCHITECTURE.md).
///
/// Its verbs are synchronous, like the SQLite store's: each sends its statements on a pooled
/// connection and waits on the calling thread. Every verb is one transaction;
/// ``atomically(_:)`` groups several.
public struct PostgresLeadStore: Sendable {
    let pool: PostgresConnectionPool
    /// The clock read for `imported_at` / `updated_at` stamps.
    let now: @Sendable () -> Date

    /// The server epoch (SPEC §5 rule 4), created with the database.
    public let epoch: UUID

    /// Connects to the database at `location`, migrates it and reads its epoch.
    /// - Throws: the server's error when it cannot be reached; ``PostgresStoreError``.
    public init(location: PostgresStoreLocation, now: @escaping @Sendable () -> Date = { Date() }) throws {
        var logger = Logger(label: "LeadRelay.PostgresStore")
        logger.logLevel = .error
        let pool = PostgresConnectionPool(location: location, logger: logger)
        let epochText = try pool.withSession { session -> String? in
            try Self.migrate(session, now: now())
            return try session.rows("SELECT epoch FROM store_meta WHERE singleton = 1").first?.text(0)
        }
        guard let epochText, let epoch = UUID(uuidString: epochText) else {
            throw LeadStoreError.corruptRow(table: "store_meta", detail: "missing or malformed epoch")
        }
        self.pool = pool
        self.now = now
        self.epoch = epoch
    }

    /// Where the store lives.
    public var location: PostgresStoreLocation { pool.location }
}
