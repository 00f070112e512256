import Dispatch
import Foundation
import GRDB
import LeadModel
import StoreContract
import SyncProtocol
import Synchronization
import TestSupport
import Testing

@testable import SQLiteStore

/// S1: a change hidden behind a cursor. With SQLite's single writer, the sequence taken inside a
/// write transaction commits in order, so a pull served while a write transaction is open never
/// returns a cursor past it, and the next pull brings it.
@Suite("Change-log commit order")
struct ChangeLogCommitOrderTests {
    /// The interleavings' seed; `LEADRELAY_S1_STORE_SEED=N` replays another one.
    static var seed: UInt64 { SeededGenerator.seed(from: "LEADRELAY_S1_STORE_SEED", default: 20_261_207) }

    @Test(.timeLimit(.minutes(2)))
    func pullNeverSkipsAChangeCommittedAfterItWasServed() throws {
        let seed = Self.seed
        let folder = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("server.sqlite").path
        // Two stores on one file: two connection pools, as two writers would be.
        let storeA = try SQLiteLeadStore(path: path)
        let storeB = try SQLiteLeadStore(path: path)
        let rep = RepID()
        try storeA.addRep(Rep(id: rep, name: "Rita", email: EmailAddress("rita@example.com")))
        let iterations = 1_000
        let leads = (0..<(2 * iterations)).map {
            StoreFixtures.lead(externalID: "s1-\($0)", email: "s1-\($0)@example.com")
        }
        try StoreFixtures.importRun(storeA, leads)
        let ids = leads.map(\.id)
        let repText = rep.description
        // In the rep's scope: a pull serves only leads that are still the rep's.
        try storeA.transition(
            ids.map { StageTransitionRequest(leadID: $0, to: .mql, trigger: .score, actor: "test:score", at: Date()) })
        try storeA.assign(leadIDs: ids, to: rep, actor: "admin:test", at: Date())

        var copy: [LeadID: Int64] = [:]
        var cursor: Int64 = 0
        var cursorPassedOpenChange = 0
        var missed = 0
        var orderViolations = 0
        var generator = SeededGenerator(seed: seed)
        func pull() throws {
            while true {
                let page = try storeA.changes(repID: rep, after: cursor, limit: 500, includeRemovals: true)
                if page.cursor.sequence < cursor { orderViolations += 1 }
                for lead in page.upserts { copy[lead.leadID] = lead.version }
                cursor = page.cursor.sequence
                if !page.hasMore { return }
            }
        }
        // Past the hand-off's own rows: from here on, only the interleavings' changes arrive.
        try pull()
        copy = [:]
        for iteration in 0..<iterations {
            let l1 = ids[2 * iteration].description
            let l2 = ids[2 * iteration + 1].description
            let inside = DispatchSemaphore(value: 0)
            let pulled = DispatchSemaphore(value: 0)
            let openSeq = Mutex<Int64>(0)
            let holdMicros = UInt32.random(in: 0...200, using: &generator)
            let bFirst = Bool.random(using: &generator)
            let bDelayMicros = UInt32.random(in: 0...100, using: &generator)
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) {
                // L1's transaction: takes its sequence, then stays open until the pull is served.
                try? storeA.writer.write { db in
                    let seq = try SQLiteLeadStore.logUpsert(repID: repText, leadID: l1, at: Date(), in: db)
                    openSeq.withLock { $0 = seq }
                    inside.signal()
                    _ = pulled.wait(timeout: .now() + 5)
                    usleep(holdMicros)
                }
            }
            DispatchQueue.global().async(group: group) {
                if !bFirst { usleep(bDelayMicros) }
                // L2's change, from the other pool: waits for the writer lock when L1's is open.
                try? storeB.writer.write { db in
                    _ = try SQLiteLeadStore.logUpsert(repID: repText, leadID: l2, at: Date(), in: db)
                }
            }
            inside.wait()
            try pull()
            if cursor >= openSeq.withLock({ $0 }) { cursorPassedOpenChange += 1 }
            pulled.signal()
            group.wait()
            try pull()
            if copy[ids[2 * iteration]] == nil || copy[ids[2 * iteration + 1]] == nil { missed += 1 }
        }
        let replay = "seed \(seed) (replay with LEADRELAY_S1_STORE_SEED=\(seed))"
        #expect(cursorPassedOpenChange == 0, "\(replay)")
        #expect(missed == 0, "\(replay)")
        #expect(orderViolations == 0, "\(replay)")
        #expect(copy.count == 2 * iterations, "\(replay)")
        let server = try storeA.scopeDigest(repID: rep)
        #expect(ScopeDigest(copy.map { (leadID: $0.key, version: $0.value) }) == server, "\(replay)")
    }
}
