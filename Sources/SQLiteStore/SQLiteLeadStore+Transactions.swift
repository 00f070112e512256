import GRDB
import StoreContract

extension SQLiteLeadStore {
    /// Runs `body` as one write transaction: every verb of this store it calls (reads included,
    /// which then see its uncommitted writes) joins the transaction, and all of them commit
    /// together when `body` returns, or none does when it throws. Nested calls join the outer one.
    /// Calls made from other threads (a concurrent request) are not part of it and wait for the
    /// write lock as usual.
    /// - Throws: what `body` throws (after the rollback), or a database error.
    public func atomically<T>(_ body: () throws -> T) throws -> T {
        if OpenTransaction.current(for: writer) != nil { return try body() }
        return try writer.write { db in try ThreadBoundTransaction.bind(OpenTransaction(db), to: writer, body) }
    }

    /// Nothing to wait for: SQLite has one writer, and ``atomically(_:)`` holds the write lock from
    /// its start, so a job in another process cannot run inside this transaction.
    public func lockJob(_ name: String) throws {}

    /// A write transaction for one verb; inside ``atomically(_:)``, a savepoint of its open
    /// transaction instead, so that a verb that throws still leaves nothing of itself behind
    /// (a caller may catch the error and go on, as a strict import's refusal does).
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        guard let db = OpenTransaction.current(for: writer) else { return try writer.write(updates) }
        var result: Result<T, any Error>?
        try db.inSavepoint {
            do {
                result = .success(try updates(db))
                return .commit
            } catch {
                result = .failure(error)
                return .rollback
            }
        }
        guard let result else { throw DatabaseError(message: "a savepoint ended without running its updates") }
        return try result.get()
    }

    /// A read transaction for one verb, or the open write transaction of ``atomically(_:)`` (so
    /// that a verb sees what the scope wrote before it).
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        if let db = OpenTransaction.current(for: writer) { return try value(db) }
        return try writer.read(value)
    }
}
