import Foundation
import GRDB
import LeadModel
import SyncProtocol
import Testing

@testable import ServerStore

/// `v5-push-write-path` on a store that already holds pushes: the recorded payload hashes
/// survive the table's rebuild (a resent mutation is still a duplicate, another payload under
/// its id still a conflict), and the rebuilt index answers the change-log reads.
@Suite("Push write-path migration")
struct PushMigrationTests {
    /// Whether the table is WITHOUT ROWID (`PRAGMA table_list`'s `wr`).
    static func isWithoutRowID(_ table: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT wr FROM pragma_table_list WHERE name = ?", arguments: [table]) ?? false
    }

    @Test func recordedPushesKeepTheirIdempotencyAcrossTheMigration() throws {
        let folder = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v4.sqlite").path
        let rep = RepID()
        let lead = LeadID()
        let accept = Mutation(clientID: "d1", mutationID: 7, leadID: lead, intent: .accept)
        // A v4 store with a client at id 7, recorded as it was before this migration.
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteLeadStore.migrator.migrate(queue, upTo: "v4-routing-rules")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO rep (id, name, email, email_normalized, capacity) VALUES (?, 'Rita', 'r@x.io', 'r@x.io', 10);
                        INSERT INTO client_binding (client_id, rep_id, first_seen_at, last_applied_id) VALUES ('d1', ?, 0, 7);
                        INSERT INTO client_mutation_payload (client_id, mutation_id, payload_hash, outcome, applied_at)
                            VALUES ('d1', 7, ?, 'applied', 0);
                        """,
                    arguments: [rep.description, rep.description, SQLiteLeadStore.payloadHash(of: accept)])
                #expect(try !Self.isWithoutRowID("client_mutation_payload", db))
            }
        }

        let store = try SQLiteLeadStore(path: path)
        try store.writer.read { db in
            #expect(try Self.isWithoutRowID("client_mutation_payload", db))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM client_mutation_payload") == 1)
            let columns = try db.indexes(on: "change_log").first { $0.name == "change_log_rep_lead" }?.columns
            #expect(columns == ["rep_id", "lead_id", "seq", "kind"])
        }
        #expect(
            try store.applyPush(repID: rep, clientID: "d1", mutations: [accept], at: StoreFixtures.t0).map(\.outcome)
                == [.duplicate])
        let convert = Mutation(clientID: "d1", mutationID: 7, leadID: lead, intent: .convert)
        #expect(
            try store.applyPush(repID: rep, clientID: "d1", mutations: [convert], at: StoreFixtures.t0).map(\.outcome)
                == [.rejected(.conflict)])
    }
}
