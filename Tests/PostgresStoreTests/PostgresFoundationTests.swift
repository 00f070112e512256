import Foundation
import StoreContract
import Testing

@testable import PostgresStore

/// The PostgreSQL store's foundation: URLs, migrations shared by several processes, the epoch,
/// and one transaction per pipeline verb (`atomically`, with a savepoint per joined verb).
@Suite("PostgreSQL store foundation")
struct PostgresFoundationTests {
    @Test func urlsAreReadAndBadOnesNamedWithoutThePassword() throws {
        let location = try PostgresStoreLocation(url: "postgres://lr:s3cret@db.example:6543/leads?sslmode=disable")
        #expect(location.host == "db.example" && location.port == 6543)
        #expect(location.username == "lr" && location.password == "s3cret" && location.database == "leads")
        #expect(location.description == "postgres://lr@db.example:6543/leads")
        #expect(try PostgresStoreLocation(url: "postgresql://lr@localhost/leads").port == 5432)
        for (text, fragment) in [
            ("mysql://lr@h/db", "expected postgres://"), ("postgres://lr:pw@h:1/", "no database"),
            ("postgres://h:1/db", "no user"), ("postgres://lr:pw@h/db?sslmode=require", "sslmode=require"),
        ] {
            let error = #expect(throws: PostgresStoreError.self) { try PostgresStoreLocation(url: text) }
            #expect(error?.description.contains(fragment) == true, "\(text)")
            #expect(error?.description.contains("pw") == false)
        }
    }

    @Test(.enabled(if: PostgresTestDatabase.isAvailable))
    func twoProcessesOpeningOneDatabaseMigrateItOnceAndShareItsEpoch() async throws {
        let database = try PostgresTestDatabase()
        let location = database.location
        // Two stores opened at once stand for two processes starting together.
        async let first = Task.detached { try PostgresLeadStore(location: location) }.value
        async let second = Task.detached { try PostgresLeadStore(location: location) }.value
        let (a, b) = try await (first, second)
        #expect(a.epoch == b.epoch)
        let applied = try a.read { try $0.rows("SELECT name FROM leadrelay_migration").map { try $0.requiredText(0) } }
        #expect(applied.count == PostgresLeadStore.migrations.count)
        #expect(Set(applied) == Set(PostgresLeadStore.migrations.map(\.name)))
        // Reopening changes nothing.
        #expect(try PostgresLeadStore(location: location).epoch == a.epoch)
    }

    @Test(.enabled(if: PostgresTestDatabase.isAvailable))
    func noIndexOfALeadCoversItsStageSoAStageMoveIsAHeapOnlyUpdate() throws {
        let database = try PostgresTestDatabase()
        let store = try PostgresLeadStore(location: database.location)
        let definitions = try store.read { session in
            try session.rows("SELECT indexdef FROM pg_indexes WHERE tablename = 'lead'").map { try $0.requiredText(0) }
        }
        #expect(definitions.count == 4)  // id, dedupe_key, external_id, email_normalized
        #expect(definitions.filter { $0.contains("stage") }.isEmpty)
        let options = try store.read { session in
            try session.rows("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'lead'").first?
                .text(0)
        }
        #expect(options == "fillfactor=85")
    }

    @Test(.enabled(if: PostgresTestDatabase.isAvailable))
    func theChangeLogIsKeyedByRepThenSequenceWithNoIndexOnTheSequenceAlone() throws {
        let database = try PostgresTestDatabase()
        let store = try PostgresLeadStore(location: database.location)
        let definitions = try store.read { session in
            try session.rows("SELECT indexdef FROM pg_indexes WHERE tablename = 'change_log' ORDER BY indexname")
                .map { try $0.requiredText(0) }
        }
        // A seq-only index let the planner find a rep's latest row by walking every rep's rows.
        #expect(
            definitions == [
                "CREATE UNIQUE INDEX change_log_pkey ON public.change_log USING btree (rep_id, seq)",
                "CREATE INDEX change_log_removal_at ON public.change_log USING btree (at) WHERE (kind = 'removal'::text)",
                "CREATE INDEX change_log_rep_lead ON public.change_log USING btree (rep_id, lead_id, seq, kind)",
            ])
    }

    @Test(.enabled(if: PostgresTestDatabase.isAvailable))
    func aScopeCommitsAllOrNothingAndAFailedVerbInsideLeavesNothingOfItself() throws {
        let database = try PostgresTestDatabase()
        let store = try PostgresLeadStore(location: database.location)
        func save(_ version: Int) throws {
            _ = try store.write { session in
                try session.execute(
                    "INSERT INTO routing_rules (version, document, created_at, created_by) VALUES ($1, 'x', 0, 'test')",
                    [version])
            }
        }
        func versions() throws -> [Int64] {
            try store.read {
                try $0.rows("SELECT version FROM routing_rules ORDER BY version").map { try $0.requiredInt64(0) }
            }
        }
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try store.atomically {
                try save(1)
                #expect(try versions() == [1])
                throw Abandon()
            }
        }
        #expect(try versions() == [])
        try store.atomically {
            try save(1)
            // The same version again breaks the primary key: refused, caught, and the scope goes on.
            #expect(throws: (any Error).self) { try save(1) }
            try save(2)
        }
        #expect(try versions() == [1, 2])
    }
}
