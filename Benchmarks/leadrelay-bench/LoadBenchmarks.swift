import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncClient
import SyncProtocol

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Pulls per second with 200 reps pulling at once (each with its own token) against the same
/// load on a plain Hummingbird JSON route, and verdicts applied per second (`LoadBenchmarks+Verdicts.swift`).
struct LoadBenchmarks {
    let suite: BenchSuite
    static let reps = 200
    static let leadsPerRep = 20

    func run() async throws {
        BenchTable.say("Server under load (127.0.0.1, closed loop, 5 s per run after a 1 s warm-up)")
        let db = suite.serverDatabase("load")
        let store = try SQLiteLeadStore(path: db)
        let tokens = DeviceTokens(store: store)
        var repIDs: [RepID] = []
        var repTokens: [String] = []
        for index in 0..<Self.reps {
            let rep = Rep(name: "Rep \(index)", email: EmailAddress("load-\(index)@example.com"))
            try store.addRep(rep)
            repIDs.append(rep.id)
            repTokens.append(try tokens.issue(repID: rep.id))
        }
        _ = try BenchSuite.seed(store, count: Self.reps * Self.leadsPerRep, reps: repIDs, prefix: "P")

        let server = try await BenchServer.leadRelay(store: store, databasePath: db)
        let load = HTTPLoad(connections: Self.reps)
        // Each rep first syncs its scope (one page of 20 leads), then pulls from its cursor: the
        // load is the no-change pull a device makes on every sync.
        var pulls: [URLRequest] = []
        for token in repTokens {
            var request = URLRequest(url: URL(string: "\(server.url)/v1/sync/pull")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.httpBody = Data(#"{"protocolVersion":1}"#.utf8)
            let (status, first) = try await load.send(request)
            let json = try JSONSerialization.jsonObject(with: first) as? [String: Any]
            guard status == 200, let cursor = json?["cursor"] as? String, json?["hasMore"] as? Bool == false,
                (json?["upserts"] as? [Any])?.count == Self.leadsPerRep
            else {
                throw BenchError(
                    "a first pull answered \(status): \(String(decoding: first.prefix(300), as: UTF8.self))")
            }
            request.httpBody = Data(#"{"protocolVersion":1,"cursor":"\#(cursor)"}"#.utf8)
            pulls.append(request)
        }
        let (status, page) = try await load.send(pulls[0])
        let quiet = try JSONSerialization.jsonObject(with: page) as? [String: Any]
        guard status == 200, (quiet?["upserts"] as? [Any])?.isEmpty == true else {
            throw BenchError("a no-change pull answered \(status): \(String(decoding: page, as: UTF8.self))")
        }
        BenchTable.say("  (no-change pulls: \(Self.reps) reps, 1 s warm-up + 5 s)")
        let pulled = await load.run(requests: pulls, seconds: 5, maximumRequests: 200_000)

        let plainServer = try await BenchServer.plain(answer: Array(page))
        let plainRequests = pulls.map { pull -> URLRequest in
            var request = pull
            request.url = URL(string: "\(plainServer.url)/plain")!
            return request
        }
        BenchTable.say("  (plain route: the same load, 1 s warm-up + 5 s)")
        let plain = await load.run(requests: plainRequests, seconds: 5, maximumRequests: 200_000)
        await plainServer.stop()
        suite.table.add(
            "pulls/s, 200 reps at once, no changes (own tokens)", "\(BenchTable.number(pulled.perSecond)) /s",
            "each rep pulls from its cursor (\(Self.leadsPerRep) leads held, \(page.count)-byte empty page); \(pulled.completed) pulls, \(pulled.failed) failed"
        )
        suite.table.add(
            "plain Hummingbird JSON route, same load", "\(BenchTable.number(plain.perSecond)) /s",
            "POST, decodes the JSON body, answers the same bytes; \(plain.completed) requests, \(plain.failed) failed")
        suite.table.add(
            "pulls vs plain route", "\(BenchTable.number(pulled.perSecond / plain.perSecond, digits: 2))",
            "ratio of requests/s (client: URLSession on FoundationNetworking, the same for both)")

        // The pull rows' client is done: its 200 kept-alive connections close before the verdict
        // rows, which measure the same server with clients of their own.
        load.session.finishTasksAndInvalidate()
        try await runVerdicts(store: store, tokens: tokens, serverURL: server.url)
        await server.stop()
    }
}
