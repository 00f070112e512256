import PostgresNIO

/// What a PostgreSQL error means to the store, read from its SQLSTATE.
enum PostgresErrors {
    /// A unique violation (23505), of `constraint` when given.
    static func isUniqueViolation(_ error: any Error, constraint: String? = nil) -> Bool {
        guard let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505" else { return false }
        guard let constraint else { return true }
        return error.serverInfo?[.constraintName] == constraint
    }

    /// Lock contention a retry can get past: lock timeout (55P03), deadlock (40P01), serialization
    /// failure (40001).
    static func isContention(_ error: any Error) -> Bool {
        guard let state = (error as? PSQLError)?.serverInfo?[.sqlState] else { return false }
        return state == "55P03" || state == "40P01" || state == "40001"
    }
}
