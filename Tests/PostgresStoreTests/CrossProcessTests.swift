import Dispatch
import Foundation
import LeadModel
import PostgresStore
import StoreContract
import SyncProtocol
import Synchronization
import Testing

/// Several processes on one PostgreSQL database (SPEC §5 S1, S2, S5; ARCHITECTURE.md, "Several
/// processes"): each process is a `PostgresLeadStore` of its own here (its own connections; they
/// share nothing but the database, as processes would).
@Suite("PostgreSQL: several processes, one database", .enabled(if: PostgresTestDatabase.isAvailable))
struct CrossProcessTests {
    /// S1/S2 across processes. Writer A takes its change-log sequence for Rita and stays open; writer
    /// B, in another process, hands Rita another lead meanwhile (it takes a later sequence); a third
    /// process pulls while A is open. Without the per-rep lock B could commit first, the pull would
    /// serve B's sequence, and A's change, committed later below the cursor, would never be pulled.
    /// Seeded interleavings (`LEADRELAY_PG_S1_SEED=N` replays one).
    @Test(.timeLimit(.minutes(3)))
    func aPullNeverSkipsAChangeAnotherProcessCommitsAfterItWasServed() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["LEADRELAY_PG_S1_SEED"] ?? "") ?? 20_261_207
        let database = try PostgresTestDatabase()
        let writerA = try PostgresLeadStore(location: database.location)
        let writerB = try PostgresLeadStore(location: database.location)
        let reader = try PostgresLeadStore(location: database.location)
        let rita = Rep(name: "Rita", email: EmailAddress("rita@example.com"), capacity: 10_000)
        try writerA.addRep(rita)
        let iterations = 150
        let ids = try writerA.importLeads(runID: ImportRunID()) { session in
            try (0..<(2 * iterations)).map { index -> LeadID in
                let lead = Lead(externalID: "s1-\(index)", email: EmailAddress("s1-\(index)@example.com"))
                guard case .created(let id) = try session.upsert(lead, dedupeKey: "ext:s1-\(index)").outcome else {
                    throw CancellationError()
                }
                return id
            }
        }
        _ = try writerA.transition(
            ids.map { StageTransitionRequest(leadID: $0, to: .mql, trigger: .score, actor: "test", at: Date()) })

        var copy: Set<LeadID> = []
        var cursor: Int64 = 0
        var backwards = 0
        func pull() throws {
            while true {
                let page = try reader.changes(repID: rita.id, after: cursor, limit: 100, includeRemovals: true)
                if page.cursor.sequence < cursor { backwards += 1 }
                for lead in page.upserts { copy.insert(lead.leadID) }
                cursor = page.cursor.sequence
                if !page.hasMore { return }
            }
        }
        var generator = SplitMix(seed: seed)
        var bWaitedForA = 0
        for iteration in 0..<iterations {
            let (l1, l2) = (ids[2 * iteration], ids[2 * iteration + 1])
            let inside = DispatchSemaphore(value: 0)
            let pulled = DispatchSemaphore(value: 0)
            let aCommitted = Mutex(false)
            let bSawACommitted = Mutex(false)
            let holdMicros = UInt32(generator.next() % 2_000)
            let group = DispatchGroup()
            let aFailed = Mutex<String?>(nil)
            DispatchQueue.global().async(group: group) {
                do {
                    try writerA.atomically {
                        try writerA.assign(leadID: l1, to: rita.id, actor: "admin:a", at: Date())
                        inside.signal()
                        _ = pulled.wait(timeout: .now() + 10)
                        usleep(holdMicros)
                        aCommitted.withLock { $0 = true }
                    }
                } catch {
                    // A failed writer fails the test instead of leaving it waiting.
                    aFailed.withLock { $0 = String(reflecting: error) }
                    inside.signal()
                }
            }
            inside.wait()
            if let failure = aFailed.withLock({ $0 }) {
                Issue.record("writer A failed: \(failure)")
                return
            }
            let bDone = DispatchSemaphore(value: 0)
            DispatchQueue.global().async(group: group) {
                _ = try? writerB.assign(leadID: l2, to: rita.id, actor: "admin:b", at: Date())
                bSawACommitted.withLock { $0 = aCommitted.withLock { $0 } }
                bDone.signal()
            }
            // Give B time to commit first if it could (it cannot: it waits for A's lock), then pull.
            _ = bDone.wait(timeout: .now() + .milliseconds(5 + Int(generator.next() % 20)))
            try pull()
            pulled.signal()
            group.wait()
            if bSawACommitted.withLock({ $0 }) { bWaitedForA += 1 }
        }
        try pull()
        #expect(backwards == 0)
        #expect(copy == Set(ids), "missed \(Set(ids).subtracting(copy).count) of \(ids.count) changes (seed \(seed))")
        // B always finished after A's commit: it waited for Rita's change-log lock.
        #expect(bWaitedForA == iterations)
    }

    /// S5 across processes: the same device's push sent to two processes at once applies each
    /// mutation once; the other process answers `duplicate`.
    @Test func aPushSentToTwoProcessesAtOnceIsAppliedOnce() throws {
        let database = try PostgresTestDatabase()
        let first = try PostgresLeadStore(location: database.location)
        let second = try PostgresLeadStore(location: database.location)
        let rita = Rep(name: "Rita", email: EmailAddress("rita@example.com"))
        try first.addRep(rita)
        let leads = try first.importLeads(runID: ImportRunID()) { session in
            try (0..<20).map { index -> LeadID in
                let lead = Lead(externalID: "s5-\(index)", email: EmailAddress("s5-\(index)@example.com"))
                guard case .created(let id) = try session.upsert(lead, dedupeKey: "ext:s5-\(index)").outcome else {
                    throw CancellationError()
                }
                return id
            }
        }
        _ = try first.transition(
            leads.map { StageTransitionRequest(leadID: $0, to: .mql, trigger: .score, actor: "test", at: Date()) })
        try first.assign(leadIDs: leads, to: rita.id, actor: "admin:test", at: Date())
        for (round, lead) in leads.enumerated() {
            let mutation = Mutation(clientID: "phone", mutationID: Int64(round + 1), leadID: lead, intent: .accept)
            let answers = Mutex<[PushOutcome]>([])
            let group = DispatchGroup()
            for store in [first, second] {
                DispatchQueue.global().async(group: group) {
                    if let outcome = try? store.applyPush(
                        repID: rita.id, clientID: "phone", mutations: [mutation], at: Date()
                    ).first?.outcome {
                        answers.withLock { $0.append(outcome) }
                    }
                }
            }
            group.wait()
            #expect(answers.withLock { $0.sorted { "\($0)" < "\($1)" } } == [.applied, .duplicate])
            #expect(try first.stageHistory(leadID: lead).filter { $0.trigger == .accept }.count == 1)
        }
    }
}

extension CrossProcessTests {
    /// Follow-up rounds run in every process: a job's lock makes a second process's round wait
    /// until the first one commits (two SLA rounds would otherwise escalate one lead twice).
    @Test func aJobLockedInOneProcessWaitsInAnother() throws {
        let database = try PostgresTestDatabase()
        let first = try PostgresLeadStore(location: database.location)
        let second = try PostgresLeadStore(location: database.location)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let order = Mutex<[String]>([])
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            try? first.atomically {
                try first.lockJob("handoff")
                holding.signal()
                _ = release.wait(timeout: .now() + 5)
                order.withLock { $0.append("first ends") }
            }
        }
        holding.wait()
        DispatchQueue.global().async(group: group) {
            try? second.atomically {
                try second.lockJob("handoff")
                order.withLock { $0.append("second runs") }
            }
        }
        usleep(300_000)
        #expect(order.withLock { $0 }.isEmpty)
        release.signal()
        group.wait()
        #expect(order.withLock { $0 } == ["first ends", "second runs"])
        // Another job's lock does not wait.
        try first.atomically { try first.lockJob("other") }
    }
}

/// A small seeded generator (SplitMix64) for the interleavings.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
