/// Creating and dropping whole databases on a PostgreSQL server: for tests (a database per store)
/// and for the demo's throwaway store.
public enum PostgresDatabaseAdmin {
    /// Creates the database `name` (letters, digits and `_` only) on the server at `server`.
    /// - Throws: ``PostgresStoreError/badURL(_:)`` for another name; the server's error.
    public static func create(_ name: String, on server: PostgresStoreLocation) throws {
        try run("CREATE DATABASE \(try checked(name))", on: server)
    }

    /// Drops the database `name` if it exists, closing its other connections first.
    /// - Throws: ``PostgresStoreError/badURL(_:)`` for a bad name; the server's error.
    public static func drop(_ name: String, on server: PostgresStoreLocation) throws {
        try run("DROP DATABASE IF EXISTS \(try checked(name)) WITH (FORCE)", on: server)
    }

    /// Runs `VACUUM ANALYZE` on the database at `location`: after a bulk load, the planner's
    /// statistics and the visibility map are then as autovacuum would leave them later, and a
    /// measurement that follows does not share the machine with autovacuum's catching up.
    /// - Throws: the server's error.
    public static func vacuumAnalyze(_ location: PostgresStoreLocation) throws {
        try run("VACUUM ANALYZE", on: location)
    }

    private static func checked(_ name: String) throws -> String {
        guard !name.isEmpty, name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
            throw PostgresStoreError.badURL("database name '\(name)': use letters, digits and _ only")
        }
        return name
    }

    private static func run(_ statement: String, on server: PostgresStoreLocation) throws {
        let pool = PostgresConnectionPool(location: server)
        defer { pool.close() }
        _ = try pool.withSession { try $0.execute(statement) }
    }
}
