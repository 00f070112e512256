import Foundation
import PostgresStore
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
    /// The PostgreSQL store, in a fresh database on the server `LEADRELAY_TEST_POSTGRES_URL` names
    /// (scripts/test.sh starts a throwaway cluster), dropped after the test.
    case postgres

    /// The server the `postgres` kind makes its databases on, or `nil` when it is not set.
    static let postgresServerURL = ProcessInfo.processInfo.environment["LEADRELAY_TEST_POSTGRES_URL"]

    /// The kinds the contract runs against on this machine: every SQLite kind, and PostgreSQL when
    /// `LEADRELAY_TEST_POSTGRES_URL` is set (so a machine without a PostgreSQL server still runs the rest).
    static var available: [StoreKind] { postgresServerURL == nil ? [.sqliteMemory, .sqliteFile] : allCases }

    var testDescription: String {
        switch self {
        case .sqliteMemory: return "SQLite in memory"
        case .sqliteFile: return "SQLite file"
        case .postgres: return "PostgreSQL"
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
        case .postgres:
            struct NoServer: Error {}
            guard let url = Self.postgresServerURL else { throw NoServer() }
            let server = try PostgresStoreLocation(url: url)
            let name = "leadrelay_contract_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try PostgresDatabaseAdmin.create(name, on: server)
            do {
                let store = try PostgresLeadStore(location: server.with(database: name), now: now)
                return OpenedStore(store: store) { try? PostgresDatabaseAdmin.drop(name, on: server) }
            } catch {
                try? PostgresDatabaseAdmin.drop(name, on: server)
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
