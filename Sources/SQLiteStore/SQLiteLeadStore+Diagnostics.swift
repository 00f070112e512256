import GRDB
import StoreContract

extension SQLiteLeadStore {
    /// The connection's journal mode (`wal` for a file store, `memory` in memory).
    func journalMode() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Runs raw SQL in one write transaction, bypassing the verbs: only for tests that check the
    /// schema's own constraints.
    func executeRawSQL(_ sql: String, arguments: [String?] = []) throws {
        try write { db in try db.execute(sql: sql, arguments: StatementArguments(arguments)) }
    }

    /// Reads one integer with raw SQL: only for tests.
    func fetchRawInt(_ sql: String, arguments: [String?] = []) throws -> Int? {
        try read { db in try Int.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)) }
    }
}
