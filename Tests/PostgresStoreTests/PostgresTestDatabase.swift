import Foundation

@testable import PostgresStore

/// A fresh database on the throwaway cluster named by `LEADRELAY_TEST_POSTGRES_URL` (started by
/// scripts/test.sh and .ci/run through scripts/postgres-cluster.sh), dropped when this goes away.
/// Suites using it are enabled only when the variable is set.
final class PostgresTestDatabase {
    /// The cluster's URL, or `nil` when the PostgreSQL suites are skipped.
    static let serverURL = ProcessInfo.processInfo.environment["LEADRELAY_TEST_POSTGRES_URL"]
    static var isAvailable: Bool { serverURL != nil }

    let location: PostgresStoreLocation
    private let server: PostgresStoreLocation

    init() throws {
        struct NoCluster: Error {}
        guard let url = Self.serverURL else { throw NoCluster() }
        server = try PostgresStoreLocation(url: url)
        let name = "leadrelay_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresDatabaseAdmin.create(name, on: server)
        location = server.with(database: name)
    }

    deinit {
        try? PostgresDatabaseAdmin.drop(location.database, on: server)
    }
}
