import Foundation
import GRDB
import LeadModel
import LeadPipeline
import LocalStore
import SQLiteStore
import StoreContract

/// The rep's first sync (10,000 and 100,000 leads) in a child process, against the floor of a
/// raw SQLite bulk insert of the same rows, and a sync with nothing new.
struct SyncBenchmarks {
    let suite: BenchSuite

    func run() async throws {
        BenchTable.say("Sync (live server on 127.0.0.1, the `leadrelay sync` command code)")
        for count in [10_000, suite.largeSync] {
            try await firstSync(count: count, measureQuietSync: count == 10_000)
        }
    }

    func firstSync(count: Int, measureQuietSync: Bool) async throws {
        let db = suite.serverDatabase("sync-\(count)")
        let store = try SQLiteLeadStore(path: db)
        let rep = Rep(name: "Bench Rep", email: EmailAddress("bench-\(count)@example.com"))
        try store.addRep(rep)
        let token = try DeviceTokens(store: store).issue(repID: rep.id)
        let (_, seedSeconds) = try await Stopwatch.time {
            _ = try BenchSuite.seed(store, count: count, reps: [rep.id], prefix: "S\(count)-")
        }
        BenchTable.say("  (seeded \(count) assigned leads in \(BenchTable.number(seedSeconds, digits: 1)) s)")
        let server = try await BenchServer.leadRelay(store: store, databasePath: db)
        let home = suite.folder.appendingPathComponent("home-\(count)").path
        do {
            try await BenchSuite.client(["login", "--home", home, "--server", server.url, "--token", token])
            let usage = try ChildProcess.runSync(
                home: home, peakFile: suite.folder.appendingPathComponent("peak-\(count).txt").path)
            guard usage.status == 0 else { throw BenchError("child sync exited with \(usage.status)") }
            let local = try LocalDatabase(
                path: URL(fileURLWithPath: home).appendingPathComponent(LocalDatabase.fileName).path)
            let synced = try local.leadCount()
            guard synced == count else { throw BenchError("first sync of \(count) got \(synced) leads") }
            let floor = try bulkInsertFloor(from: home, count: count)
            let label = BenchTable.number(Double(count))
            suite.table.add(
                "first sync, \(label) leads", "\(BenchTable.number(usage.seconds, digits: 2)) s",
                "child process wall time incl. start; \(BenchTable.number(Double(count) / usage.seconds)) leads/s")
            suite.table.add(
                "first sync, \(label) leads: CLI peak memory",
                "\(BenchTable.number(Double(usage.maxRSSBytes) / 1_048_576, digits: 1)) MB",
                "peak RSS (VmHWM) of the sync child process")
            suite.table.add(
                "first sync, \(label) leads: vs raw SQLite bulk insert",
                "\(BenchTable.number(usage.seconds / floor, digits: 1))×",
                "floor: the same \(label) rows inserted in one transaction in \(BenchTable.number(floor, digits: 2)) s")
            if measureQuietSync {
                var samples: [Double] = []
                for _ in 0..<20 {
                    let (_, seconds) = try await Stopwatch.time {
                        try await BenchSuite.client(["sync", "--home", home])
                    }
                    samples.append(seconds)
                }
                samples.sort()
                suite.table.add(
                    "sync with nothing new (\(label) leads on the device)",
                    "\(BenchTable.number(samples[samples.count / 2] * 1_000, digits: 1)) ms",
                    "median of 20 in-process `leadrelay sync` runs (p90 \(BenchTable.number(samples[17] * 1_000, digits: 1)) ms)"
                )
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Seconds to insert the device's synced `lead` rows, as they are, into a fresh SQLite file with
    /// the same table and indexes, in one transaction.
    func bulkInsertFloor(from home: String, count: Int) throws -> Double {
        let source = try DatabaseQueue(
            path: URL(fileURLWithPath: home).appendingPathComponent(LocalDatabase.fileName).path)
        let (schema, rows) = try source.read { db in
            let schema = try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE tbl_name = 'lead' AND sql IS NOT NULL ORDER BY type DESC")
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM lead")
            return (schema, rows)
        }
        let path = suite.folder.appendingPathComponent("floor-\(count).sqlite").path
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        let target = try DatabaseQueue(path: path, configuration: configuration)
        try target.write { db in for statement in schema { try db.execute(sql: statement) } }
        let start = ContinuousClock.now
        try target.write { db in
            let placeholders = Array(repeating: "?", count: rows.first?.count ?? 1).joined(separator: ", ")
            let insert = try db.makeStatement(sql: "INSERT INTO lead VALUES (\(placeholders))")
            for row in rows { try insert.execute(arguments: StatementArguments(row.databaseValues)) }
        }
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
