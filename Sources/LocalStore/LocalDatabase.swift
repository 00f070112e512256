public import Foundation
import GRDB

/// The device's SQLite database (SPEC §6): the rep's leads, the outbox, the sync state.
///
/// A façade in the GRDB style: it holds one private database writer, every verb is one
/// transaction, and all SQL lives behind it. Its schema comes from its own named migrations,
/// applied on open. Builds for iOS as for Linux (GRDB on the system SQLite, Foundation only).
public struct LocalDatabase: Sendable {
    /// How long a write waits for another connection's lock before failing: 10 seconds (a
    /// second CLI command may write while a sync commits pages).
    public static let busyTimeout: TimeInterval = 10

    /// The database file's name inside a home folder.
    public static let fileName = "leadrelay.sqlite"

    /// The one connection (pool or queue) to the database.
    let writer: any DatabaseWriter

    /// Opens (creating when missing) the database file at `path` and migrates it. The file holds
    /// the rep's leads and device token: it is owner-only (`0600`) whatever the umask, and so are
    /// its `-wal` and `-shm` files (SQLite gives them the database's mode).
    /// - Parameter path: the file; its folder must exist. WAL mode adds `-wal` and `-shm` files.
    /// - Throws: a GRDB `DatabaseError` when the file cannot be opened or migrated.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "LeadRelay.LocalStore"
        try Self.makeOwnerOnly(path)
        try self.init(writer: DatabasePool(path: path, configuration: configuration))
    }

    /// A fresh database in memory with the production schema, for tests.
    /// - Throws: a GRDB `DatabaseError` when the schema cannot be created.
    public static func inMemory() throws -> LocalDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "LeadRelay.LocalStore.memory"
        return try LocalDatabase(writer: DatabaseQueue(configuration: configuration))
    }

    /// Migrates the database behind `writer`.
    init(writer: any DatabaseWriter) throws {
        try Self.migrator.migrate(writer)
        self.writer = writer
    }

    /// Creates `path` with mode `0600` when missing and sets `0600` on it and its WAL files.
    private static func makeOwnerOnly(_ path: String) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: path + suffix) {
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
    }
}
