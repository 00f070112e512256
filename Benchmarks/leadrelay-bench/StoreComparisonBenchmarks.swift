import Foundation
import LeadModel
import LeadPipeline
import PostgresStore
import SQLiteStore
import StoreContract
import SyncClient
import SyncProtocol

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// PostgreSQL beside SQLite in one run (issue 16): the first pull of a large scope, no-change
/// pulls/s at 200 reps, and verdicts/s in batches of 100, each on SQLite (one `serve` process),
/// on PostgreSQL with one `serve` process, and on PostgreSQL with two `serve` processes on the
/// same database. The clients spread their requests over both as OPERATIONS.md's balancer does:
/// each device's requests to one process (device i to process i mod n); the first pull with two
/// processes is also measured with its pages alternating over them (round robin). Every
/// server is `leadrelay-server serve` in a child process (the bench binary's `child-serve`); the
/// stores are seeded in this process. The SQLite file is on /dev/shm; the PostgreSQL cluster
/// (`LEADRELAY_BENCH_POSTGRES_URL`, started by scripts/bench.sh with its data on /dev/shm and
/// `fsync=off`) is as free of disk waits.
struct StoreComparisonBenchmarks {
    let suite: BenchSuite
    static let pullReps = 200
    static let leadsPerPullRep = 20
    static let verdictReps = 8
    static let verdictsPerRep = 2_500

    func run() async throws {
        guard let serverURL = ProcessInfo.processInfo.environment["LEADRELAY_BENCH_POSTGRES_URL"] else {
            throw BenchError("--only stores needs LEADRELAY_BENCH_POSTGRES_URL (scripts/bench.sh starts a cluster)")
        }
        let server = try PostgresStoreLocation(url: serverURL)
        BenchTable.say("Stores side by side (`serve` in child processes on 127.0.0.1)")
        var rows: [(String, [String: String])] = []
        let setups =
            ProcessInfo.processInfo.environment["LEADRELAY_BENCH_STORES"].map {
                $0.split(separator: ",").map(String.init)
            }
            ?? ["sqlite", "postgres-1", "postgres-2"]
        for setup in setups {
            let count = suite.largeSync
            rows.append((setup, try await measure(setup, server: server, count: count)))
        }
        let label = BenchTable.number(Double(suite.largeSync))
        for (setup, figures) in rows {
            let name =
                switch setup {
                case "sqlite": "SQLite, 1 process"
                case "postgres-1": "PostgreSQL, 1 process"
                default: "PostgreSQL, 2 processes"
                }
            suite.table.add(
                "first pull, \(label) leads, one rep: \(name)", figures["first"] ?? "",
                setup == "postgres-2"
                    ? "pages of 500; the device's requests to one process (OPERATIONS.md's balancer)" : "pages of 500")
            if let alternating = figures["firstAlternating"] {
                suite.table.add(
                    "first pull, \(label) leads, one rep: \(name), pages alternating", alternating,
                    "round robin: no page built ahead; run after the row above (the database warm)")
            }
            suite.table.add(
                "pulls/s, \(Self.pullReps) reps at once, no changes: \(name)", figures["pulls"] ?? "",
                "closed loop, 5 s after a 1 s warm-up")
            suite.table.add(
                "verdicts applied/s, \(Self.verdictReps) reps at once (batches of 100): \(name)",
                figures["verdicts"] ?? "", "\(Self.verdictReps * Self.verdictsPerRep) accepts, pre-encoded pushes")
        }
    }

    /// Seeds a fresh store for `setup`, starts its `serve` processes and measures the three rows.
    private func measure(_ setup: String, server: PostgresStoreLocation, count: Int) async throws
        -> [String: String]
    {
        let store: any HandoffStoreServices
        let storeArgument: String
        var dropDatabase: String?
        if setup == "sqlite" {
            let path = suite.serverDatabase("stores-\(count)")
            store = try SQLiteLeadStore(path: path)
            storeArgument = path
        } else {
            let name = "leadrelay_bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try PostgresDatabaseAdmin.create(name, on: server)
            dropDatabase = name
            store = try PostgresLeadStore(location: server.with(database: name))
            storeArgument = server.with(database: name).connectionURL
        }
        // LEADRELAY_BENCH_KEEP_DATABASE keeps a PostgreSQL setup's database for a look afterwards.
        let keepsDatabase = ProcessInfo.processInfo.environment["LEADRELAY_BENCH_KEEP_DATABASE"] != nil
        if let dropDatabase, keepsDatabase { BenchTable.say("  (\(setup): database \(dropDatabase) kept)") }
        defer { if let dropDatabase, !keepsDatabase { try? PostgresDatabaseAdmin.drop(dropDatabase, on: server) } }
        let tokens = DeviceTokens(store: store)
        // The first-pull rep and its scope.
        let pullRep = Rep(name: "Pull Rep", email: EmailAddress("pull@example.com"))
        try store.addRep(pullRep)
        let pullToken = try tokens.issue(repID: pullRep.id)
        let (_, seedSeconds) = try await Stopwatch.time {
            _ = try BenchSuite.seed(store, count: count, reps: [pullRep.id], prefix: "F")
        }
        // The 200 pulling reps, 20 leads each.
        var pullTokens: [String] = []
        var pullReps: [RepID] = []
        for index in 0..<Self.pullReps {
            let rep = Rep(name: "Load \(index)", email: EmailAddress("load-\(index)@example.com"))
            try store.addRep(rep)
            pullReps.append(rep.id)
            pullTokens.append(try tokens.issue(repID: rep.id))
        }
        _ = try BenchSuite.seed(store, count: Self.pullReps * Self.leadsPerPullRep, reps: pullReps, prefix: "P")
        // The verdict reps.
        var verdictReps: [(token: String, leads: [LeadID])] = []
        for index in 0..<Self.verdictReps {
            let rep = Rep(name: "Verdict \(index)", email: EmailAddress("verdict-\(index)@example.com"))
            try store.addRep(rep)
            let leads = try BenchSuite.seed(store, count: Self.verdictsPerRep, reps: [rep.id], prefix: "V\(index)-")
            verdictReps.append((try tokens.issue(repID: rep.id), leads))
        }
        BenchTable.say(
            "  (\(setup): seeded \(count) + \(Self.pullReps * Self.leadsPerPullRep) + \(Self.verdictReps * Self.verdictsPerRep) leads; the first \(count) in \(BenchTable.number(seedSeconds, digits: 1)) s)"
        )

        if let database = dropDatabase { try PostgresDatabaseAdmin.vacuumAnalyze(server.with(database: database)) }

        let processes = setup == "postgres-2" ? 2 : 1
        var children: [(pid: Int32, url: String)] = []
        defer { for child in children { _ = try? ChildProcess.terminate(child.pid) } }
        for index in 0..<processes {
            let output = suite.folder.appendingPathComponent("stores-\(setup)-\(index).out").path
            let pid = try ChildProcess.spawnSelf(["child-serve", storeArgument], output: output)
            let port = try await FirstPullBenchmarks.boundPort(output)
            children.append((pid, "http://127.0.0.1:\(port)"))
        }
        let urls = children.map(\.url)

        let rows = Self.rowsAsked()
        var figures = ["first": "not run", "pulls": "not run", "verdicts": "not run"]
        // The serve processes' ids, for a profiler attached to the rows measured.
        BenchTable.say("  (\(setup): serve pids \(children.map { String($0.pid) }.joined(separator: " ")))")
        if rows.contains("first") {
            // As the documented balancer sends one device's requests: all to one process.
            figures["first"] = try await Self.firstPull(setup, count: count, token: pullToken, over: [urls[0]])
            if urls.count > 1 {
                figures["firstAlternating"] = try await Self.firstPull(
                    "\(setup), pages alternating", count: count, token: pullToken, over: urls)
            }
        }
        if rows.contains("pulls") {
            figures["pulls"] = try await Self.noChangePulls(setup, tokens: pullTokens, over: urls)
        }
        if rows.contains("verdicts") {
            figures["verdicts"] = try await Self.verdicts(setup, reps: verdictReps, over: urls)
        }
        let alternating = figures["firstAlternating"].map { " (pages alternating: \($0))" } ?? ""
        BenchTable.say(
            "  \(setup): first pull \(figures["first"]!)\(alternating), \(figures["pulls"]!) pulls, \(figures["verdicts"]!) verdicts"
        )
        return figures
    }

    /// The rows `LEADRELAY_BENCH_STORES_ROWS` asks for (`first,pulls,verdicts`, the default: all):
    /// one row alone makes a profile of it (the stores are still seeded in full).
    private static func rowsAsked() -> Set<String> {
        let asked = ProcessInfo.processInfo.environment["LEADRELAY_BENCH_STORES_ROWS"] ?? "first,pulls,verdicts"
        return Set(asked.split(separator: ",").map(String.init))
    }

    /// The first pull of the whole scope, page `k` from `urls[k mod n]`.
    private static func firstPull(_ setup: String, count: Int, token: String, over urls: [String]) async throws
        -> String
    {
        let firstPull = try await Stopwatch.time { try await Self.pullAll(token: token, over: urls) }
        guard firstPull.0 == count else { throw BenchError("\(setup): the first pull got \(firstPull.0) of \(count)") }
        if ProcessInfo.processInfo.environment["LEADRELAY_BENCH_PULL_TWICE"] != nil {
            let again = try await Stopwatch.time { try await Self.pullAll(token: token, over: urls) }
            BenchTable.say("  (\(setup): first pull again: \(BenchTable.number(again.1, digits: 2)) s)")
        }
        return
            "\(BenchTable.number(firstPull.1, digits: 2)) s (\(BenchTable.number(Double(count) / firstPull.1)) leads/s)"
    }

    /// No-change pulls: each rep syncs once, then pulls from its cursor; rep i goes to process i mod n.
    private static func noChangePulls(_ setup: String, tokens: [String], over urls: [String]) async throws -> String {
        let load = HTTPLoad(connections: Self.pullReps)
        var pulls: [URLRequest] = []
        for (index, token) in tokens.enumerated() {
            var request = URLRequest(url: URL(string: "\(urls[index % urls.count])/v1/sync/pull")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.httpBody = Data(#"{"protocolVersion":1}"#.utf8)
            let (status, body) = try await load.send(request)
            guard status == 200, let json = try JSONSerialization.jsonObject(with: body) as? [String: Any],
                let cursor = json["cursor"] as? String
            else { throw BenchError("\(setup): a first pull answered \(status)") }
            request.httpBody = Data(#"{"protocolVersion":1,"cursor":"\#(cursor)"}"#.utf8)
            pulls.append(request)
        }
        let pulled = await load.run(requests: pulls, seconds: 5, maximumRequests: 200_000)
        guard pulled.failed == 0 else { throw BenchError("\(setup): \(pulled.failed) pulls failed") }
        return "\(BenchTable.number(pulled.perSecond)) /s"
    }

    /// Verdicts: each rep pushes its batches one after the other to process i mod n.
    private static func verdicts(_ setup: String, reps: [(token: String, leads: [LeadID])], over urls: [String])
        async throws -> String
    {
        let pushes = reps.enumerated().map { index, rep in
            LoadBenchmarks.acceptRequests(
                rep.leads, clientID: "stores-device-\(index)", token: rep.token, serverURL: urls[index % urls.count])
        }
        let pushLoad = HTTPLoad(connections: Self.verdictReps)
        let (answers, verdictSeconds) = try await Stopwatch.time {
            try await LoadBenchmarks.pushInOrder(pushes, over: pushLoad)
        }
        let applied = try LoadBenchmarks.appliedCount(answers)
        guard applied == Self.verdictReps * Self.verdictsPerRep else {
            throw BenchError("\(setup): only \(applied) verdicts applied")
        }
        return "\(BenchTable.number(Double(applied) / verdictSeconds)) /s"
    }

    /// Pulls one rep's whole scope from the start, page `k` from `urls[k mod n]`.
    /// - Returns: how many leads came.
    private static func pullAll(token: String, over urls: [String]) async throws -> Int {
        var cursor: SyncCursor?
        var leads = 0
        var page = 0
        while true {
            let transport = HTTPSyncTransport(serverURL: URL(string: urls[page % urls.count])!, token: token)
            let answer = try await transport.pull(PullRequest(cursor: cursor))
            leads += answer.upserts.count
            page += 1
            cursor = answer.cursor
            if !answer.hasMore { return leads }
        }
    }
}
