import Logging
import NIOCore
import PostgresNIO

/// One connection used synchronously by the store: each statement is sent and waited for on the
/// calling thread (never an event-loop thread), the way the SQLite store's verbs run. Statements
/// use `$1, $2, …` placeholders with ``SQLValue`` parameters.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs a statement and returns its rows.
    /// - Throws: the server's error (`PSQLError`).
    @discardableResult
    func rows(_ sql: String, _ parameters: [any SQLBindable] = []) throws -> [PostgresRandomAccessRow] {
        var bindings = PostgresBindings(capacity: parameters.count)
        for parameter in parameters { parameter.sqlValue.append(to: &bindings) }
        let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait()
        return result.rows.map { $0.makeRandomAccess() }
    }

    /// Runs a statement for its effect; returns the rows it changed.
    /// - Throws: the server's error.
    @discardableResult
    func execute(_ sql: String, _ parameters: [any SQLBindable] = []) throws -> Int {
        var bindings = PostgresBindings(capacity: parameters.count)
        for parameter in parameters { parameter.sqlValue.append(to: &bindings) }
        let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait()
        return result.metadata.rows ?? 0
    }
}

extension PostgresRandomAccessRow {
    /// The column at `index` as text (`nil` for `NULL`).
    func text(_ index: Int) throws -> String? { try self[index].decode(String?.self) }
    /// The column at `index` as a number (`nil` for `NULL`).
    func double(_ index: Int) throws -> Double? { try self[index].decode(Double?.self) }
    /// The column at `index` as an integer (`nil` for `NULL`).
    func int64(_ index: Int) throws -> Int64? { try self[index].decode(Int64?.self) }
    /// The column at `index` as a boolean (`nil` for `NULL`).
    func bool(_ index: Int) throws -> Bool? { try self[index].decode(Bool?.self) }
    /// The column at `index`, which must not be `NULL`.
    func requiredText(_ index: Int) throws -> String { try self[index].decode(String.self) }
    func requiredDouble(_ index: Int) throws -> Double { try self[index].decode(Double.self) }
    func requiredInt64(_ index: Int) throws -> Int64 { try self[index].decode(Int64.self) }
    func requiredBool(_ index: Int) throws -> Bool { try self[index].decode(Bool.self) }
}
