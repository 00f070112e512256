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

/// Verdicts applied per second in batches of 100 (issue 4): over HTTP from one rep (one push at a
/// time), over HTTP from several reps at once (each with its own token and client id), and in
/// process (the store's `applyPush`, no HTTP or JSON) on /dev/shm and on the disk, where each
/// push's commit waits for its fsync (synchronous = FULL); and in process on leads taken in random
/// order, where a push's leads share no index pages.
extension LoadBenchmarks {
    static let verdictBatch = 100
    static let verdictLeads = 5_000
    static let concurrentVerdictReps = 4
    static let concurrentVerdictLeadsPerRep = 5_000
    /// The scope the random-order row draws its leads from: 25,000 leads.
    static let randomOrderScope = 25_000

    /// The verdict rows alone (`--only verdicts`), on a store and server of their own.
    func runVerdictsAlone() async throws {
        BenchTable.say("Verdicts applied (127.0.0.1)")
        let db = suite.serverDatabase("verdicts-http")
        let store = try SQLiteLeadStore(path: db)
        let server = try await BenchServer.leadRelay(store: store, databasePath: db)
        try await runVerdicts(store: store, tokens: DeviceTokens(store: store), serverURL: server.url)
        await server.stop()
    }

    /// The verdict rows, against the running `serverURL` over `store`.
    func runVerdicts(store: SQLiteLeadStore, tokens: DeviceTokens, serverURL: String) async throws {
        // One rep, one push after the other, through the rep's transport.
        let verdictRep = Rep(name: "Verdict Rep", email: EmailAddress("verdicts@example.com"))
        try store.addRep(verdictRep)
        let verdictToken = try tokens.issue(repID: verdictRep.id)
        let verdictLeads = try BenchSuite.seed(store, count: Self.verdictLeads, reps: [verdictRep.id], prefix: "V")
        let transport = HTTPSyncTransport(serverURL: URL(string: serverURL)!, token: verdictToken)
        BenchTable.say("  (verdicts: 50 pushes of 100, one rep over HTTP)")
        let (applied, seconds, cpu) = try await CPUClock.time {
            try await Self.pushAccepts(verdictLeads, clientID: "bench-device") { try await transport.push($0).results }
        }
        suite.table.add(
            "verdicts applied/s, one rep over HTTP (batches of 100)",
            "\(BenchTable.number(Double(applied) / seconds)) /s",
            "\(applied) accepts in \(applied / Self.verdictBatch) pushes, one at a time (each waits for the last answer), \(BenchTable.number(seconds, digits: 2)) s wall, \(BenchTable.number(cpu, digits: 2)) s CPU of client and server together; store on /dev/shm"
        )

        // Several reps at once, each pushing its batches one after the other.
        let reps = try Self.concurrentReps(named: "verdicts", leadPrefix: "C", store: store, tokens: tokens)
        BenchTable.say("  (verdicts: \(Self.concurrentVerdictReps) reps pushing at once over HTTP)")
        let (concurrentApplied, concurrentSeconds, concurrentCPU) = try await CPUClock.time {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, rep) in reps.enumerated() {
                    let leads = rep.leads
                    let transport = HTTPSyncTransport(serverURL: URL(string: serverURL)!, token: rep.token)
                    group.addTask {
                        try await Self.pushAccepts(leads, clientID: "bench-device-\(index)") {
                            try await transport.push($0).results
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
        }
        suite.table.add(
            "verdicts applied/s, \(Self.concurrentVerdictReps) reps at once over HTTP (batches of 100)",
            "\(BenchTable.number(Double(concurrentApplied) / concurrentSeconds)) /s",
            "\(concurrentApplied) accepts, each rep (own token, own client id) pushing its \(Self.concurrentVerdictLeadsPerRep / Self.verdictBatch) batches one at a time, \(BenchTable.number(concurrentSeconds, digits: 2)) s wall, \(BenchTable.number(concurrentCPU, digits: 2)) s CPU of clients and server together; store on /dev/shm"
        )

        // The same load with the clients' own work taken out of the timed window, as the pull row
        // does: every push body is encoded before it (the wire JSON of `accept` batches), the
        // reps send them through one URLSession as bytes, and the answers are decoded after it.
        let cannedReps = try Self.concurrentReps(named: "canned", leadPrefix: "K", store: store, tokens: tokens)
        let cannedPushes = cannedReps.enumerated().map { index, rep in
            Self.acceptRequests(rep.leads, clientID: "canned-device-\(index)", token: rep.token, serverURL: serverURL)
        }
        let cannedLeadCount = cannedReps.reduce(0) { $0 + $1.leads.count }
        let cannedLoad = HTTPLoad(connections: Self.concurrentVerdictReps)
        BenchTable.say("  (verdicts: \(Self.concurrentVerdictReps) reps pushing pre-encoded batches at once over HTTP)")
        let (answers, cannedSeconds, cannedCPU) = try await CPUClock.time {
            try await Self.pushInOrder(cannedPushes, over: cannedLoad)
        }
        cannedLoad.session.finishTasksAndInvalidate()
        let cannedApplied = try Self.appliedCount(answers)
        guard cannedApplied == cannedLeadCount else {
            throw BenchError("only \(cannedApplied) of \(cannedLeadCount) pre-encoded verdicts applied")
        }
        suite.table.add(
            "verdicts applied/s, \(Self.concurrentVerdictReps) reps at once over HTTP, pre-encoded (batches of 100)",
            "\(BenchTable.number(Double(cannedApplied) / cannedSeconds)) /s",
            "\(cannedApplied) accepts as above, the push bodies encoded before the clock starts and the answers decoded after it (the clients' own JSON out of the window, like the pull row's load), \(BenchTable.number(cannedSeconds, digits: 2)) s wall, \(BenchTable.number(cannedCPU, digits: 2)) s CPU of clients and server together; store on /dev/shm"
        )

        // In process: the store alone, on /dev/shm, then the same seeded file copied to the disk.
        let shmPath = suite.serverDatabase("verdicts")
        let shmStore = try SQLiteLeadStore(path: shmPath)
        let inProcessRep = Rep(name: "In-process Rep", email: EmailAddress("in-process@example.com"))
        try shmStore.addRep(inProcessRep)
        let inProcessLeads = try BenchSuite.seed(
            shmStore, count: Self.verdictLeads, reps: [inProcessRep.id], prefix: "I")
        let diskPath = suite.folder.appendingPathComponent("verdicts-disk.sqlite").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: shmPath + suffix) {
            try FileManager.default.copyItem(atPath: shmPath + suffix, toPath: diskPath + suffix)
        }
        let stores = [
            ("/dev/shm", "/dev/shm (tmpfs: its fsync costs nothing)", shmStore),
            (
                "disk", "the disk, \(diskPath): each push's commit waits for its fsync",
                try SQLiteLeadStore(path: diskPath)
            ),
        ]
        for (name, place, store) in stores {
            let (applied, seconds, cpu) = try await Self.timeAppliedInProcess(
                inProcessLeads, store: store, repID: inProcessRep.id, clientID: "bench-in-process")
            suite.table.add(
                "verdicts applied/s in process, store on \(name) (batches of 100)",
                "\(BenchTable.number(Double(applied) / seconds)) /s",
                "`SQLiteLeadStore.applyPush` called directly (no HTTP, no JSON), \(applied) accepts in \(applied / Self.verdictBatch) batches, \(BenchTable.number(seconds, digits: 3)) s wall, \(BenchTable.number(cpu, digits: 3)) s CPU (\(BenchTable.number(Double(applied) / cpu)) per CPU second); store on \(place)"
            )
        }

        // The worst case for the store's indexes: leads taken at random from a larger scope, so
        // no two leads of a push were made together and each lands on index pages of its own.
        let randomStore = try SQLiteLeadStore(path: suite.serverDatabase("verdicts-random"))
        let randomRep = Rep(name: "Random-order Rep", email: EmailAddress("random-order@example.com"))
        try randomStore.addRep(randomRep)
        let scope = try BenchSuite.seed(
            randomStore, count: Self.randomOrderScope, reps: [randomRep.id], prefix: "R")
        var shuffler = SystemRandomNumberGenerator()
        let randomLeads = Array(scope.shuffled(using: &shuffler).prefix(Self.verdictLeads))
        let (randomApplied, randomSeconds, randomCPU) = try await Self.timeAppliedInProcess(
            randomLeads, store: randomStore, repID: randomRep.id, clientID: "bench-random-order")
        suite.table.add(
            "verdicts applied/s in process, leads in random order (batches of 100)",
            "\(BenchTable.number(Double(randomApplied) / randomSeconds)) /s",
            "`applyPush` on \(randomApplied) leads drawn at random from the rep's \(Self.randomOrderScope) (no two of a push made together), \(randomApplied / Self.verdictBatch) batches, \(BenchTable.number(randomSeconds, digits: 3)) s wall, \(BenchTable.number(randomCPU, digits: 3)) s CPU; store on /dev/shm"
        )
    }

    /// ``concurrentVerdictReps`` new reps, each with a device token and
    /// ``concurrentVerdictLeadsPerRep`` assigned leads (seeded together, handed out round robin).
    /// - Parameters:
    ///   - name: tells these reps from the other rows' (their names and emails).
    ///   - leadPrefix: tells their leads' external ids from the other rows' (see ``BenchSuite/seed``).
    static func concurrentReps(
        named name: String, leadPrefix: String, store: SQLiteLeadStore, tokens: DeviceTokens
    ) throws -> [(
        token: String, leads: [LeadID]
    )] {
        var reps: [(RepID, String)] = []
        for index in 0..<concurrentVerdictReps {
            let rep = Rep(name: "\(name) rep \(index)", email: EmailAddress("\(name)-\(index)@example.com"))
            try store.addRep(rep)
            reps.append((rep.id, try tokens.issue(repID: rep.id)))
        }
        let seeded = try BenchSuite.seed(
            store, count: concurrentVerdictReps * concurrentVerdictLeadsPerRep, reps: reps.map(\.0),
            prefix: leadPrefix)
        // `seed` hands the leads round robin: rep `index` has every n-th one.
        return reps.enumerated().map { index, rep in
            (rep.1, stride(from: index, to: seeded.count, by: reps.count).map { seeded[$0] })
        }
    }

    /// Accepts every lead through `store.applyPush` (no HTTP, no JSON), timed.
    /// - Returns: how many were applied, the wall seconds and the CPU seconds.
    static func timeAppliedInProcess(
        _ leads: [LeadID], store: SQLiteLeadStore, repID: RepID, clientID: String
    ) async throws -> (Int, Double, Double) {
        try await CPUClock.time {
            try await pushAccepts(leads, clientID: clientID) { request in
                try store.applyPush(repID: repID, clientID: request.clientID, mutations: request.mutations, at: Date())
            }
        }
    }

    /// Sends each device's pushes one after the other, all devices at once.
    /// - Returns: every answer's body.
    /// - Throws: ``BenchError`` for an answer other than 200.
    static func pushInOrder(_ pushes: [[URLRequest]], over load: HTTPLoad) async throws -> [Data] {
        try await withThrowingTaskGroup(of: [Data].self) { group in
            for requests in pushes {
                group.addTask {
                    var bodies: [Data] = []
                    for request in requests {
                        let (status, body) = try await load.send(request)
                        guard status == 200 else { throw BenchError("a push answered \(status)") }
                        bodies.append(body)
                    }
                    return bodies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    /// How many mutations push answers report `applied`.
    static func appliedCount(_ answers: [Data]) throws -> Int {
        try answers.reduce(0) { total, body in
            let results =
                (try JSONSerialization.jsonObject(with: body) as? [String: Any])?["results"] as? [[String: Any]]
            return total + (results ?? []).filter { $0["status"] as? String == "applied" }.count
        }
    }

    /// The push requests that accept every lead in batches of ``verdictBatch``, numbered from 1,
    /// as the wire carries them (`POST /v1/sync/push`, the rep's bearer token, the JSON body).
    static func acceptRequests(_ leads: [LeadID], clientID: String, token: String, serverURL: String) -> [URLRequest] {
        stride(from: 0, to: leads.count, by: verdictBatch).map { batch in
            let mutations = (batch..<min(leads.count, batch + verdictBatch)).map { index in
                #"{"mutationID":\#(index + 1),"leadID":"\#(leads[index])","intent":{"kind":"accept"}}"#
            }
            var request = URLRequest(url: URL(string: "\(serverURL)/v1/sync/push")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.httpBody = Data(
                #"{"protocolVersion":1,"clientID":"\#(clientID)","mutations":[\#(mutations.joined(separator: ","))]}"#
                    .utf8)
            return request
        }
    }

    /// Pushes an `accept` for every lead in batches of ``verdictBatch``, one batch after the
    /// other, numbered from 1; returns how many were applied.
    /// - Throws: ``BenchError`` when a verdict was not applied.
    static func pushAccepts(
        _ leads: [LeadID], clientID: String, push: (PushRequest) async throws -> [PushResult]
    ) async throws -> Int {
        var applied = 0
        for batch in stride(from: 0, to: leads.count, by: verdictBatch) {
            let mutations = (batch..<min(leads.count, batch + verdictBatch)).map { index in
                Mutation(clientID: clientID, mutationID: Int64(index + 1), leadID: leads[index], intent: .accept)
            }
            let results = try await push(PushRequest(clientID: clientID, mutations: mutations))
            applied += results.filter { if case .applied = $0.outcome { return true } else { return false } }.count
        }
        guard applied == leads.count else { throw BenchError("only \(applied) of \(leads.count) verdicts applied") }
        return applied
    }
}
