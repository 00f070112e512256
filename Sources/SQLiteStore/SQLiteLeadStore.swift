public import Foundation
import GRDB
public import StoreContract

/// The embedded SQLite implementation of ``LeadStore`` (SPEC §7): GRDB over the system
/// libsqlite3, one connection pool per database file, WAL journal, foreign keys on.
///
/// A façade in the GRDB style: it holds one private database writer, every verb is one
/// transaction, and all SQL lives behind it. The schema comes from named migrations applied
/// when the store is opened, so an older file is brought up to date on open.
public struct SQLiteLeadStore: LeadStore {
    /// How long a write waits for another process's lock before failing: 5 seconds.
    public static let busyTimeout: TimeInterval = 5

    /// The page-cache bound of each connection, in KiB: 64 MiB.
    static let pageCacheKibibytes = 65_536

    /// The one connection (pool or queue) to the database.
    let writer: any DatabaseWriter
    /// The clock read for `imported_at` / `updated_at` stamps.
    let now: @Sendable () -> Date
    /// Device-token lookups answered from memory while nothing was committed (file stores only:
    /// it needs a second connection to the file).
    let tokenCache: DeviceTokenCache?

    /// The server epoch: a random id created with the database (SPEC §5 rule 4). It stays the
    /// same for the life of the file, so a sync cursor from another epoch (another database, a
    /// restore from elsewhere) can be recognised.
    public let epoch: UUID

    /// Opens (creating when missing) the store in the SQLite file at `path` and migrates it.
    /// - Parameters:
    ///   - path: the database file; its folder must exist. WAL mode adds `-wal` and `-shm`
    ///     files beside it. All three are owner-only (`0600`), new or not.
    ///   - now: the clock for import stamps (injected so tests can fix it).
    /// - Throws: a GRDB `DatabaseError` when the file cannot be opened or migrated.
    public init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "LeadRelay.SQLiteStore"
        configuration.prepareDatabase { db in
            // Up to 64 MiB of page cache per connection (allocated as used): an import of ~10,000
            // leads with their attributes then stays in memory until it commits, instead of
            // spilling pages to the WAL mid-transaction.
            try db.execute(sql: "PRAGMA cache_size = -\(Self.pageCacheKibibytes)")
            // FULL, said here rather than left to the library's build default: in WAL mode each
            // commit then waits for the WAL's fsync, so a push the server acknowledged survives a
            // power cut or an OS crash, not only a crash of the process (NORMAL's promise). A
            // device drops a mutation from its outbox on that acknowledgement, so losing it would
            // lose the verdict. Its cost is one fsync per transaction: per push, not per mutation.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Statement journals and the lookup tables SQLite builds for IN lists in memory, not
            // in temporary files: a push's multi-row statements (one per batch) need a statement
            // journal, which spilled to a file in /tmp at 64 KiB and cost a write per page.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        if path != ":memory:" { try OwnerOnlyFile.prepare(path) }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try self.init(writer: pool, now: now, tokenCache: DeviceTokenCache(path: path))
    }

    /// A fresh store in memory, with the production schema: for tests and demos.
    /// - Parameter now: the clock for import stamps.
    /// - Throws: a GRDB `DatabaseError` when the schema cannot be created.
    public static func inMemory(now: @escaping @Sendable () -> Date = { Date() }) throws -> SQLiteLeadStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "LeadRelay.SQLiteStore.memory"
        return try SQLiteLeadStore(writer: DatabaseQueue(configuration: configuration), now: now)
    }

    /// Migrates the database behind `writer` and reads its epoch.
    /// - Parameter tokenCache: the device-token cache on the same file, or `nil` (in memory).
    init(writer: any DatabaseWriter, now: @escaping @Sendable () -> Date, tokenCache: DeviceTokenCache? = nil) throws {
        try Self.migrator.migrate(writer)
        let epochText = try writer.read { db in
            try String.fetchOne(db, sql: "SELECT epoch FROM store_meta WHERE singleton = 1")
        }
        guard let epochText, let epoch = UUID(uuidString: epochText) else {
            throw LeadStoreError.corruptRow(table: "store_meta", detail: "missing or malformed epoch")
        }
        self.writer = writer
        self.now = now
        self.epoch = epoch
        self.tokenCache = tokenCache
    }
}
