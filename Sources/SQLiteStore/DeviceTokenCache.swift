import GRDB
import StoreContract
import Synchronization

/// Token hash → stored token record, valid only while the database is unchanged.
///
/// Every authenticated request looks its device token up; on a file store that is a read
/// transaction of its own. This cache answers the lookup from memory instead, and stays exact
/// (revocation-safe) by asking SQLite whether anything was committed since the entries were read:
/// `PRAGMA data_version` on a connection of its own, which changes whenever any other connection,
/// of this process or another one (a `leadrelay-server tokens revoke` beside a running server),
/// commits to the file. Any commit empties the cache, so a revoked token is refused on the very
/// next request; the price is that under writes the cache is refilled often (each refill is the
/// same one-row read there would have been without it).
///
/// Only found tokens are cached (a flood of random tokens cannot grow it), at most
/// ``capacity`` of them.
final class DeviceTokenCache: Sendable {
    /// The most records kept; the cache is emptied when it is full.
    static let capacity = 100_000

    /// The connection that only reads `data_version`.
    private let probe: DatabaseQueue
    private let state = Mutex<(dataVersion: Int64, records: [String: DeviceTokenRecord])>((-1, [:]))

    /// Opens the probe connection on the store's file (after the store migrated it).
    /// - Throws: a GRDB `DatabaseError` when the file cannot be opened.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "LeadRelay.SQLiteStore.tokenCache"
        configuration.busyMode = .timeout(SQLiteLeadStore.busyTimeout)
        probe = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// The record stored under `hash`: from memory when nothing was committed since it was read,
    /// else from `load` (the store's read), which is then remembered.
    /// - Throws: what `load` or the probe throws.
    func record(hash: String, load: () throws -> DeviceTokenRecord?) throws -> DeviceTokenRecord? {
        // Read the version before the row: a commit between the two makes the entry look older
        // than it is, which only empties the cache sooner.
        let version = try probe.inDatabase { db in
            try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? -1
        }
        let cached = state.withLock { state -> DeviceTokenRecord? in
            if state.dataVersion != version {
                state = (version, [:])
                return nil
            }
            return state.records[hash]
        }
        if let cached { return cached }
        let record = try load()
        if let record {
            state.withLock { state in
                guard state.dataVersion == version else { return }
                if state.records.count >= Self.capacity { state.records.removeAll(keepingCapacity: true) }
                state.records[hash] = record
            }
        }
        return record
    }
}
