import Foundation
import SQLiteStore
import StoreContract
import Testing

/// The store contract suite: one set of tests over the StoreContract protocols (`LeadStore`,
/// `LeadImportSession`, `SyncStore`, `HandoffStore`, `RoutingRulesStore`, `TransactionalStore`),
/// run against every store implementation. One contract, every store: each test takes a
/// `StoreKind` (`@Test(arguments: StoreKind.available)`), opens a fresh store of that kind, and
/// asserts only what the protocols' doc comments promise, never what one implementation happens
/// to do (no raw sequence numbers, no row counts of a table the contract does not name).
///
/// A new store joins by adding a case here and its branch in ``open(now:)``: every contract test
/// then runs against it too, with nothing else to change.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// The embedded SQLite store in memory (`SQLiteLeadStore.inMemory(now:)`).
    case sqliteMemory
    /// The embedded SQLite store in a file (WAL, a connection pool, the device-token cache), in a
    /// fresh temporary folder removed after the test.
    case sqliteFile

    /// The kinds the contract runs against on this machine: every SQLite kind.
    ///
    /// A `postgres` kind joins when `LEADRELAY_TEST_POSTGRES_URL` is set (the database to create
    /// a fresh schema in), so that machines without a PostgreSQL server still run the rest.
    static var available: [StoreKind] { allCases }

    var testDescription: String {
        switch self {
        case .sqliteMemory: return "SQLite in memory"
        case .sqliteFile: return "SQLite file"
        }
    }

    /// Opens a fresh, empty store of this kind.
    /// - Parameter now: the store's own clock (import stamps); every verb also takes its date.
    /// - Throws: the store's error when it cannot be created or migrated.
    func open(now: @escaping @Sendable () -> Date) throws -> OpenedStore {
        switch self {
        case .sqliteMemory:
            return OpenedStore(store: try SQLiteLeadStore.inMemory(now: now))
        case .sqliteFile:
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("leadrelay-contract-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do {
                let store = try SQLiteLeadStore(path: folder.appendingPathComponent("leads.sqlite").path, now: now)
                return OpenedStore(store: store) { try? FileManager.default.removeItem(at: folder) }
            } catch {
                try? FileManager.default.removeItem(at: folder)
                throw error
            }
        }
    }

    /// Opens a fresh store of this kind on the contract clock (``ContractFixtures/t0``) and runs
    /// `body` with it; the store, and its temporary folder, live until `body` returns.
    func withStore(_ body: (any ContractStore) throws -> Void) throws {
        let opened = try open(now: { ContractFixtures.t0 })
        try withExtendedLifetime(opened) { try body(opened.store) }
    }
}
