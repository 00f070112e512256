import Foundation
import GRDB
import LeadModel
import StoreContract
import Testing

@testable import SQLiteStore

@Suite("Schema constraints")
struct SchemaConstraintTests {
    /// Rows the schema refuses, each with the start of SQLite's message for the constraint meant:
    /// a typo in the SQL (a syntax error, an unknown column) fails the test instead of passing it.
    static let badRows: [(sql: String, refusal: String)] = [
        (
            "INSERT INTO lead (id, dedupe_key, stage, updated_at) VALUES ('00000000-0000-0000-0000-000000000001', 'k', 'bogus', 0)",
            "CHECK constraint failed"
        ),
        (
            "INSERT INTO lead (id, dedupe_key, updated_at) VALUES ('00000000-0000-0000-0000-000000000001', NULL, 0)",
            "NOT NULL constraint failed: lead.dedupe_key"
        ),
        (
            "INSERT INTO lead (id, dedupe_key, updated_at) VALUES ('00000000-0000-0000-0000-000000000001', 'k', 'yesterday')",
            "cannot store TEXT value in REAL column lead.updated_at"
        ),
        (
            "INSERT INTO lead (id, dedupe_key, updated_at, attributes) VALUES ('00000000-0000-0000-0000-000000000001', 'k', 0, 'not json')",
            "CHECK constraint failed"
        ),
        (
            "INSERT INTO lead (id, dedupe_key, updated_at, do_not_email) VALUES ('00000000-0000-0000-0000-000000000001', 'k', 0, 2)",
            "CHECK constraint failed"
        ),
        (
            "INSERT INTO lead (id, dedupe_key, updated_at, email) VALUES ('00000000-0000-0000-0000-000000000001', 'k', 0, 'a@b.c')",
            "CHECK constraint failed"
        ),
        (
            "INSERT INTO rep (id, name, email, email_normalized, capacity) VALUES ('00000000-0000-0000-0000-000000000001', 'R', 'r@x.io', 'r@x.io', -1)",
            "CHECK constraint failed"
        ),
        (
            "INSERT INTO engagement_event (id, lead_id, type, occurred_at, dedupe_key) VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-00000000dead', 'page_view', 0, 'k')",
            "FOREIGN KEY constraint failed"
        ),
        (
            "INSERT INTO scoring_model (version, document, created_at, created_by) VALUES (0, '{}', 0, 'admin')",
            "CHECK constraint failed"
        ),
    ]

    /// Expects `body` to be refused by a constraint of the schema (SQLITE_CONSTRAINT) with a
    /// message starting with `refusal`.
    static func expectRefused(
        _ refusal: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) {
        let error = #expect(throws: DatabaseError.self, sourceLocation: sourceLocation) { try body() }
        guard let error else { return }
        #expect(error.resultCode == .SQLITE_CONSTRAINT, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message?.hasPrefix(refusal) == true, "\(error)", sourceLocation: sourceLocation)
    }

    @Test(arguments: badRows)
    func badRowIsRejectedEvenThroughRawSQL(sql: String, refusal: String) throws {
        let store = try StoreFixtures.store()
        Self.expectRefused(refusal) { try store.executeRawSQL(sql) }
    }

    @Test func duplicateDedupeKeyIsRejected() throws {
        let store = try StoreFixtures.store()
        try store.executeRawSQL(
            "INSERT INTO lead (id, dedupe_key, updated_at) VALUES ('00000000-0000-0000-0000-000000000001', 'k', 0)")
        Self.expectRefused("UNIQUE constraint failed: lead.dedupe_key") {
            try store.executeRawSQL(
                "INSERT INTO lead (id, dedupe_key, updated_at) VALUES ('00000000-0000-0000-0000-000000000002', 'k', 0)")
        }
    }

    @Test func duplicateRepEmailIsRejected() throws {
        let store = try StoreFixtures.store()
        let insert =
            "INSERT INTO rep (id, name, email, email_normalized, capacity) VALUES (?, 'R', 'r@x.io', 'r@x.io', 5)"
        try store.executeRawSQL(insert, arguments: ["00000000-0000-0000-0000-000000000001"])
        Self.expectRefused("UNIQUE constraint failed: rep.email_normalized") {
            try store.executeRawSQL(insert, arguments: ["00000000-0000-0000-0000-000000000002"])
        }
    }

    @Test(arguments: ["'bogus_trigger', NULL", "'score', 'bogus_reason'"])
    func stageChangeWithUnknownTriggerOrReasonIsRejected(values: String) throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        Self.expectRefused("CHECK constraint failed") {
            try store.executeRawSQL(
                """
                INSERT INTO stage_change (lead_id, from_stage, to_stage, "trigger", reason, actor, at)
                VALUES (?, 'new', 'mql', \(values), 'x', 0)
                """, arguments: [id.description])
        }
    }

    @Test func deletingALeadCascadesToItsHistoryEventsAndScores() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        let version = try store.saveScoringModel(document: "{}", createdBy: "admin:mo", note: nil, at: StoreFixtures.t0)
        try store.transition(
            .init(leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: StoreFixtures.t0))
        try store.addEvents([EngagementEvent(leadID: id, type: "page_view", occurredAt: StoreFixtures.t0)])
        try store.saveScores([
            LeadScore(
                leadID: id, fit: 1, engagement: 1, total: 2, grade: .c, qualified: false, modelVersion: version,
                contributions: [], scoredAt: StoreFixtures.t0)
        ])
        try store.executeRawSQL("DELETE FROM lead WHERE id = ?", arguments: [id.description])
        for table in ["stage_change", "engagement_event", "lead_score"] {
            #expect(try store.fetchRawInt("SELECT COUNT(*) FROM \(table)") == 0)
        }
    }

    @Test func fileStoreUsesWALAndKeepsItsEpochAcrossOpens() throws {
        let folder = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("server.sqlite").path
        let epoch: UUID
        do {
            let store = try SQLiteLeadStore(path: path)
            #expect(try store.journalMode() == "wal")
            #expect(try store.fetchRawInt("PRAGMA foreign_keys") == 1)
            epoch = store.epoch
            _ = try StoreFixtures.storedLead(store)
        }
        let reopened = try SQLiteLeadStore(path: path)
        #expect(reopened.epoch == epoch)
        #expect(try reopened.leadCount() == 1)
        #expect(try SQLiteLeadStore.inMemory().epoch != epoch)
    }

    @Test func readersOfAFileStoreSeeThePreviousStateUntilTheImportCommits() throws {
        let folder = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteLeadStore(path: folder.appendingPathComponent("server.sqlite").path)
        _ = try StoreFixtures.storedLead(store)
        let countDuringImport = try store.importLeads(runID: ImportRunID()) { session in
            _ = try session.upsert(StoreFixtures.lead(email: "second@example.com"), dedupeKey: "second@example.com")
            // Another thread reads while this write transaction is open (WAL: readers never wait).
            let done = DispatchSemaphore(value: 0)
            // Written by the reader before it signals, read here after the wait: the semaphore orders them.
            nonisolated(unsafe) var seen: Int?
            let reader = Thread {
                seen = try? store.leadCount()
                done.signal()
            }
            reader.start()
            _ = done.wait(timeout: .now() + 10)
            return seen
        }
        #expect(countDuringImport == 1)
        #expect(try store.leadCount() == 2)
    }

    @Test func migrationsAreNamedAndAllApplied() throws {
        let store = try StoreFixtures.store()
        #expect(try store.fetchRawInt("SELECT COUNT(*) FROM grdb_migrations") == 18)
        // No business rule in SQL: the schema keeps constraints only (v8 dropped the last triggers).
        #expect(try store.fetchRawInt("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'") == 0)
        #expect(try store.fetchRawInt("SELECT COUNT(*) FROM grdb_migrations WHERE identifier LIKE 'v2-%'") == 5)
        #expect(try store.fetchRawInt("SELECT COUNT(*) FROM grdb_migrations WHERE identifier = 'v3-handoff'") == 1)
        #expect(
            try store.fetchRawInt("SELECT COUNT(*) FROM grdb_migrations WHERE identifier = 'v4-routing-rules'") == 1)
        #expect(try store.fetchRawInt("SELECT COUNT(*) FROM grdb_migrations WHERE identifier = 'v1-leads'") == 1)
        #expect(
            try store.fetchRawInt("SELECT COUNT(*) FROM grdb_migrations WHERE identifier = 'v5-push-write-path'") == 1)
        #expect(
            try store.fetchRawInt("SELECT COUNT(*) FROM grdb_migrations WHERE identifier = 'v6-push-batch-payloads'")
                == 1)
    }
}
