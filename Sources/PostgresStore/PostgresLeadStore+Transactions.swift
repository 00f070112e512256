import NIOCore
import PostgresNIO
public import StoreContract

extension PostgresLeadStore: TransactionalStore {
    /// Runs `body` as one transaction: every verb of this store it calls joins it (each in a
    /// savepoint), and they commit together when `body` returns, or none does when it throws.
    /// Nested calls join the outer one.
    /// - Throws: what `body` throws (after the rollback), or the server's error.
    public func atomically<T>(_ body: () throws -> T) throws -> T {
        if OpenPostgresTransaction.current(for: pool) != nil { return try body() }
        return try pool.withSession { session in
            try Self.inTransaction(session, readOnly: false) { session in
                try ThreadBoundTransaction.bind(OpenPostgresTransaction(session), to: pool, body)
            }
        }
    }

    /// Takes the job's transaction-level advisory lock (see ``TransactionalStore/lockJob(_:)``).
    public func lockJob(_ name: String) throws {
        _ = try write { session in
            try session.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 7365220003))", ["job:" + name])
        }
    }

    /// A write transaction for one verb; inside ``atomically(_:)``, a savepoint of its open one
    /// (a verb that throws leaves nothing of itself, and the scope can go on).
    func write<T>(_ updates: (PostgresSession) throws -> T) throws -> T {
        if let open = OpenPostgresTransaction.current(for: pool) {
            open.savepoints += 1
            let name = "verb_\(open.savepoints)"
            open.session.enqueue("SAVEPOINT \(name)")
            do {
                let result = try updates(open.session)
                open.session.enqueue("RELEASE SAVEPOINT \(name)")
                try open.session.flush()
                return result
            } catch {
                _ = try? open.session.flush()
                _ = try? open.session.execute("ROLLBACK TO SAVEPOINT \(name)")
                _ = try? open.session.execute("RELEASE SAVEPOINT \(name)")
                throw error
            }
        }
        return try pool.withSession { session in try Self.inTransaction(session, readOnly: false, updates) }
    }

    /// A consistent read for one verb (a repeatable-read, read-only transaction), or the open
    /// transaction of ``atomically(_:)`` (so a verb sees what the scope wrote before it).
    func read<T>(_ value: (PostgresSession) throws -> T) throws -> T {
        if let open = OpenPostgresTransaction.current(for: pool) { return try value(open.session) }
        return try pool.withSession { session in try Self.inTransaction(session, readOnly: true, value) }
    }

    /// A read of one statement, which PostgreSQL runs on one snapshot of its own: no transaction
    /// around it (one round trip instead of three), or the open transaction of ``atomically(_:)``.
    /// `statement` runs exactly one statement.
    func readStatement<T>(_ statement: (PostgresSession) throws -> T) throws -> T {
        if let open = OpenPostgresTransaction.current(for: pool) { return try statement(open.session) }
        return try pool.withSession(statement)
    }

    private static func inTransaction<T>(
        _ session: PostgresSession, readOnly: Bool, _ body: (PostgresSession) throws -> T
    ) throws -> T {
        // Pipelined with the body's first statement (its error, if any, comes with that one's).
        session.enqueue(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
        do {
            let result = try body(session)
            // Pipelined behind the body's last writes: one round trip for both.
            session.enqueue("COMMIT")
            try session.flush()
            return result
        } catch {
            _ = try? session.flush()
            if (try? session.execute("ROLLBACK")) == nil {
                // The connection's state is unknown: it goes instead of back to the pool.
                let closing: EventLoopFuture<Void> = session.connection.close()
                try? closing.wait()
            }
            throw error
        }
    }
}
