import Logging
import NIOCore
import PostgresNIO

/// One connection used synchronously by the store: a statement whose answer the store needs is
/// sent and waited for on the calling thread (never an event-loop thread), the way the SQLite
/// store's verbs run; a write whose answer it does not need is ``enqueue(_:_:)``d: sent at once
/// and pipelined behind the others on the connection (PostgreSQL runs a connection's statements in
/// order), its completion waited for at the latest when the transaction or savepoint ends
/// (``flush()``). Statements use `$1, $2, …` placeholders with ``SQLValue`` parameters.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger
    private let pending = PendingStatements()

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Runs a statement and returns its rows.
    /// - Throws: the server's error (`PSQLError`), or the error of an enqueued statement before it.
    @discardableResult
    func rows(_ sql: String, _ parameters: [any SQLBindable] = []) throws -> [PostgresRandomAccessRow] {
        try sendRows(sql, parameters).wait()
    }

    /// Sends a statement whose rows are needed later: it is pipelined behind the statements sent
    /// before it, and the caller can send more before waiting for it (``PostgresPendingRows/wait()``).
    func sendRows(_ sql: String, _ parameters: [any SQLBindable] = []) -> PostgresPendingRows {
        PostgresPendingRows(answer: send(sql, parameters), session: self)
    }

    /// Runs a statement for its effect and waits for it; returns the rows it changed.
    /// - Throws: the server's error, or the error of an enqueued statement before it.
    @discardableResult
    func execute(_ sql: String, _ parameters: [any SQLBindable] = []) throws -> Int {
        let answer = send(sql, parameters)
        do {
            return try answer.wait().metadata.rows ?? 0
        } catch {
            try flush()
            throw error
        }
    }

    /// Sends a write without waiting for it (see the type's notes).
    func enqueue(_ sql: String, _ parameters: [any SQLBindable] = []) {
        pending.add(send(sql, parameters).map { _ in })
    }

    /// Waits for every enqueued statement.
    /// - Throws: the first one's error.
    func flush() throws {
        for statement in pending.takeAll() { try statement.wait() }
    }

    private func send(_ sql: String, _ parameters: [any SQLBindable]) -> EventLoopFuture<PostgresQueryResult> {
        var bindings = PostgresBindings(capacity: parameters.count)
        for parameter in parameters { parameter.sqlValue.append(to: &bindings) }
        return connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
    }
}

/// The enqueued statements of a session, in the order they were sent.
final class PendingStatements: @unchecked Sendable {
    // Used by the one thread that runs the session's verb (a session is never shared).
    private var statements: [EventLoopFuture<Void>] = []

    func add(_ statement: EventLoopFuture<Void>) { statements.append(statement) }

    func takeAll() -> [EventLoopFuture<Void>] {
        defer { statements = [] }
        return statements
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
