import Foundation
import PostgresStore

/// Which store a ``SyncWorld``'s server runs on: the sync cases (S1–S18) and the model-based sync
/// test run on each kind available. PostgreSQL joins when `LEADRELAY_TEST_POSTGRES_URL` names a
/// server (scripts/test.sh starts a throwaway cluster); each world gets a database of its own there.
enum ServerStoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    static let postgresServerURL = ProcessInfo.processInfo.environment["LEADRELAY_TEST_POSTGRES_URL"]

    /// SQLite always; PostgreSQL when its server is set.
    static var available: [ServerStoreKind] { postgresServerURL == nil ? [.sqlite] : allCases }

    var description: String { rawValue }
}
