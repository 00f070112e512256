import Foundation
import GRDB
import LeadModel
import StoreContract
import SyncProtocol
import Testing

@testable import SQLiteStore

/// `v5-push-write-path` (and `v6-push-batch-payloads` after it) on a store that already holds
/// pushes and history: the recorded payload hashes survive the table's rebuild and the move to
/// one row per push (a resent mutation is still a duplicate, another payload
/// under its id still a conflict), the rebuilt index answers the change-log reads, and the
/// rebuilt stage history keeps its rows, ids, sequence, checks and rejection trigger.
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
                    arguments: [rep.description, rep.description, accept.payloadHash()])
                #expect(try !Self.isWithoutRowID("client_mutation_payload", db))
                // Three history rows, the last deleted: the sequence (3) is above the largest id (2).
                try db.execute(
                    sql: """
                        INSERT INTO lead (id, dedupe_key, updated_at) VALUES ('00000000-0000-0000-0000-0000000000aa', 'a', 0);
                        INSERT INTO lead (id, dedupe_key, updated_at) VALUES (?, 'k', 0);
                        DELETE FROM lead WHERE dedupe_key = 'a';
                        INSERT INTO stage_change (lead_id, from_stage, to_stage, "trigger", actor, at)
                            VALUES (?1, 'new', 'mql', 'score', 'system:scoring', 1),
                                   (?1, 'mql', 'assigned', 'route', 'system:router', 2),
                                   (?1, 'assigned', 'accepted', 'accept', 'rep:x', 3);
                        DELETE FROM stage_change WHERE id = 3;
                        """,
                    arguments: [lead.description, lead.description])
            }
        }

        let store = try SQLiteLeadStore(path: path)
        try store.writer.read { db in
            // The recorded hash went through v5's rebuild and v6's runs: a run of one.
            #expect(try Self.isWithoutRowID("client_mutation_batch", db))
            #expect(try !db.tableExists("client_mutation_payload"))
            let run = try Row.fetchOne(
                db,
                sql: "SELECT first_mutation_id, last_mutation_id, payload_hashes, outcomes FROM client_mutation_batch")
            #expect(run?[0] == 7 as Int64)
            #expect(run?[1] == 7 as Int64)
            #expect(run?[2] == accept.payloadHash())
            #expect(run?[3] == #"["applied"]"#)
            let columns = try db.indexes(on: "change_log").first { $0.name == "change_log_rep_lead" }?.columns
            #expect(columns == ["rep_id", "lead_id", "seq", "kind"])
        }
        #expect(
            try store.applyPush(repID: rep, clientID: "d1", mutations: [accept], at: StoreFixtures.t0).map(\.outcome)
                == [.duplicate])
        try store.writer.write { db in
            #expect(
                try Row.fetchAll(db, sql: "SELECT id, to_stage FROM stage_change ORDER BY id").map {
                    "\($0[0] as Int64) \($0[1] as String)"
                } == ["1 mql", "2 assigned"])
            try db.execute(
                sql: """
                    INSERT INTO stage_change (lead_id, from_stage, to_stage, "trigger", actor, at, reason)
                    VALUES (?, 'assigned', 'recycled', 'reject_recyclable', 'rep:x', 4, 'no_budget')
                    """,
                arguments: [lead.description])
            // AUTOINCREMENT carried over: id 3 is not reused.
            #expect(try Int64.fetchOne(db, sql: "SELECT max(id) FROM stage_change") == 4)
            // Since v8 no trigger copies a raw history row anywhere: the store's code writes rejects.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM lead_rejection") == 0)
            for (column, value) in [("from_stage", "bogus"), ("\"trigger\"", "bogus"), ("reason", "too_expensive")] {
                let values = ["from_stage": "'assigned'", "\"trigger\"": "'reject_recyclable'", "reason": "'no_need'"]
                    .merging([column: "'\(value)'"]) { $1 }
                #expect(throws: DatabaseError.self) {
                    try db.execute(
                        sql: """
                            INSERT INTO stage_change (lead_id, from_stage, to_stage, "trigger", actor, at, reason)
                            VALUES (?, \(values["from_stage"]!), 'recycled', \(values["\"trigger\""]!), 'rep:x', 5,
                                \(values["reason"]!))
                            """,
                        arguments: [lead.description])
                }
            }
        }
        // The lead table rebuilt: its row and rowid kept (2: rowid 1 was deleted), its children
        // still tied to it by their foreign keys (a delete cascades), a stage outside the list refused.
        try store.writer.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT rowid, id FROM lead")
            #expect(rows.map { "\($0[0] as Int64) \($0[1] as String)" } == ["2 \(lead)"])
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE lead SET stage = 'bogus' WHERE id = ?", arguments: [lead.description])
            }
            #expect(
                try db.indexes(on: "lead").map(\.name).sorted().filter { !$0.hasPrefix("sqlite_") } == [
                    "lead_email_normalized", "lead_source", "lead_stage",
                ])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        let convert = Mutation(clientID: "d1", mutationID: 7, leadID: lead, intent: .convert)
        #expect(
            try store.applyPush(repID: rep, clientID: "d1", mutations: [convert], at: StoreFixtures.t0).map(\.outcome)
                == [.rejected(.conflict)])
        try store.writer.write { db in
            try db.execute(sql: "DELETE FROM lead WHERE id = ?", arguments: [lead.description])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM stage_change") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM lead_rejection") == 0)
        }
    }
}
