import GRDB
import Testing

@testable import ServerStore

/// Rows inserted together go in whole and in the order appended, whatever their count (chunks of
/// powers of two up to 128 rows), NULLs included; a refused row fails the call.
@Suite("Multi-row inserts")
struct MultiRowInsertTests {
    @Test(arguments: [0, 1, 3, 100, 128, 129, 300])
    func everyRowGoesInInTheOrderAppended(count: Int) throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(
                sql: "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, note TEXT) STRICT")
            var insert = MultiRowInsert(into: "t", columns: ["name", "note"])
            for index in 0..<count { insert.append("row \(index)", index.isMultiple(of: 2) ? nil : "odd") }
            #expect(insert.rowCount == count)
            try insert.execute(in: db)
            let rows = try Row.fetchAll(db, sql: "SELECT id, name, note FROM t ORDER BY id")
            #expect(rows.map { $0[0] as Int64 } == (0..<count).map { Int64($0 + 1) })
            #expect(rows.map { $0[1] as String } == (0..<count).map { "row \($0)" })
            #expect(rows.map { $0[2] as String? } == (0..<count).map { $0.isMultiple(of: 2) ? nil : "odd" })
        }
    }

    @Test func aRefusedRowFailsTheInsert() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (name TEXT NOT NULL CHECK (name <> '')) STRICT")
            var insert = MultiRowInsert(into: "t", columns: ["name"])
            insert.append("a")
            insert.append("")
            #expect(throws: DatabaseError.self) { try insert.execute(in: db) }
        }
    }
}
