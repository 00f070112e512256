public import Foundation
import PostgresStore
import SQLiteStore
import StoreContract

/// The one way into the server's store for the front ends (the HTTP handlers of LeadServer and the
/// `leadrelay-server` verbs): they open a backend, then call its verbs, which are the pipeline's
/// services (each one transaction) and the reads they display. No front end holds a store.
///
/// The store behind it is chosen by ``StoreLocation`` (embedded SQLite today); the services it
/// hands out run on the same store.
public struct LeadRelayBackend: Sendable {
    /// The store every verb runs on.
    let store: any HandoffStoreServices

    /// A backend over an opened store (tests, and ``open(_:now:)``).
    public init(store: any HandoffStoreServices) {
        self.store = store
    }

    /// Opens (creating and migrating when needed) the store at `location`.
    /// - Parameter now: the clock for the store's own stamps (import times).
    /// - Throws: the store's error when it cannot be opened or migrated.
    public static func open(_ location: StoreLocation, now: @escaping @Sendable () -> Date = { Date() }) throws
        -> LeadRelayBackend
    {
        switch location {
        case .sqlite(let path): return LeadRelayBackend(store: try SQLiteLeadStore(path: path, now: now))
        case .postgres(let database):
            return LeadRelayBackend(store: try PostgresLeadStore(location: database, now: now))
        }
    }

    /// The store's sync epoch (SPEC §5 rule 4): a new one after a restore.
    public var epoch: UUID { store.epoch }

    /// How many push groups the store applies at once in one process
    /// (``SyncStore/concurrentPushGroups``).
    public var concurrentPushGroups: Int { store.concurrentPushGroups }

    /// Writes a consistent copy of the store to a new file while it stays in use.
    /// - Throws: ``LeadStoreError/unsupported(_:)`` for a store without file backups; the
    ///   store's error when the copy cannot be written.
    public func backup(to path: String) throws {
        guard let sqlite = store as? SQLiteLeadStore else {
            throw LeadStoreError.unsupported(
                "file backups are for the embedded SQLite store; back up PostgreSQL with pg_dump (docs/OPERATIONS.md)")
        }
        try sqlite.backup(to: path)
    }

    /// Makes a new store at `location` from a backup file, with a new sync epoch (SPEC §5.4).
    /// - Returns: the new epoch.
    /// - Throws: the store's error when the backup cannot be read or the store not written.
    public static func restore(backup: String, to location: StoreLocation) throws -> UUID {
        switch location {
        case .sqlite(let path): return try SQLiteLeadStore.restore(backup: backup, to: path)
        case .postgres:
            throw LeadStoreError.unsupported(
                "restore is for the embedded SQLite store; restore PostgreSQL with pg_restore (docs/OPERATIONS.md)")
        }
    }
}
