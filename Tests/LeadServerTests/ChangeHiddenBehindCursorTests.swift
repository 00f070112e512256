import Dispatch
import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import SyncProtocol
import TestSupport
import Testing

/// S1 over HTTP (`app.test(.router)`, real pull requests with the rep's token): a change hidden
/// behind a cursor. L1's write transaction takes its change-log sequence and stays open while D1
/// pulls; L2 changes before, alongside or after it; then L1 commits and D1 pulls from its cursor.
/// 1,000 seeded interleavings on one store (a pool of leads in one rep's scope, each interleaving
/// changing two of them again), so no store is rebuilt between them.
@Suite struct ChangeHiddenBehindCursorTests {
    /// The case's count of interleavings.
    static let interleavings = 1_000
    /// Leads in the rep's scope that the interleavings change.
    static let leadPool = 8

    /// The interleavings' seed; `LEADRELAY_S1_SEED=N` replays another one.
    static var seed: UInt64 {
        SeededGenerator.seed(from: "LEADRELAY_S1_SEED", default: 20_261_129)
    }

    @Test func changeCommittedAfterAPullIsNeverMissedInAThousandInterleavings() async throws {
        let seed = Self.seed
        let server = try TestServer(inMemoryFolder: true)
        // A second connection pool on the same file, as a second server process would have.
        let otherProcess = try SQLiteLeadStore(path: server.folder.path("server.sqlite"))
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let leads = try (0..<Self.leadPool).map { try server.addQualifiedLead("Lead\($0)") }
        for lead in leads { try server.assign(lead, to: rep) }

        let (cursorPassedOpenChange, heldChangeSeenWhileOpen, missed, l2Timings, copy) = try await server.test {
            client -> (Int, Int, Int, [Int], DeviceCopy) in
            var generator = SeededGenerator(seed: seed)
            var copy = DeviceCopy()
            var cursorPassedOpenChange = 0
            var heldChangeSeenWhileOpen = 0
            var missed = 0
            var l2Timings = [0, 0, 0, 0]
            try await copy.pullAll(client, token: token)
            for iteration in 0..<Self.interleavings {
                let l1Index = Int.random(in: 0..<Self.leadPool, using: &generator)
                let l2Index = (l1Index + Int.random(in: 1..<Self.leadPool, using: &generator)) % Self.leadPool
                let l1 = leads[l1Index]
                let l2 = leads[l2Index]
                // 0: L2 commits before L1's transaction opens; 1: L2's write waits for the writer
                // before the pull starts; 2: L2's write starts alongside the pull; 3: after L1 commits.
                let timing = Int.random(in: 0..<4, using: &generator)
                let limit = [1, 2, 500][Int.random(in: 0..<3, using: &generator)]
                let holdMicroseconds = UInt32.random(in: 0...200, using: &generator)
                let l2Store = Int.random(in: 0..<10, using: &generator) == 0 ? otherProcess : server.store
                l2Timings[timing] += 1
                let rescoreL2: @Sendable () throws -> Void = {
                    try l2Store.saveScores([Self.score(l2, total: Double(40 + iteration % 50), at: server.now())])
                }

                if timing == 0 { try rescoreL2() }
                let l1Change = HeldWriteTransaction(
                    store: server.store, rep: rep.id, lead: l1, phone: "+1 555 \(iteration)", at: server.now(),
                    holdMicroseconds: holdMicroseconds)
                let openSequence = try await l1Change.sequenceWhileOpen()
                var l2Change: Task<Void, any Error>?
                if timing == 1 {
                    l2Change = Self.offThePool(rescoreL2)
                    try await Task.sleep(for: .microseconds(Int.random(in: 0...100, using: &generator)))
                } else if timing == 2 {
                    l2Change = Self.offThePool(rescoreL2)
                }
                try await copy.pullAll(client, token: token, limit: limit)
                if let cursor = copy.cursorSequences.last, cursor >= openSequence { cursorPassedOpenChange += 1 }
                if copy.versions[l1.description] == openSequence { heldChangeSeenWhileOpen += 1 }
                l1Change.release()
                await l1Change.committed()
                try await l2Change?.value
                if timing == 3 { try rescoreL2() }

                try await copy.pullAll(client, token: token, limit: limit)
                // L1 at exactly its held change's version, and every lead at the server's version
                // (the scope digest hashes each lead's id with its version).
                let serverDigest = try server.store.scopeDigest(repID: rep.id)
                if copy.versions[l1.description] != openSequence || copy.digest != serverDigest { missed += 1 }
            }
            return (cursorPassedOpenChange, heldChangeSeenWhileOpen, missed, l2Timings, copy)
        }
        #expect(cursorPassedOpenChange == 0, "seed \(seed): a cursor passed a change still uncommitted")
        #expect(heldChangeSeenWhileOpen == 0, "seed \(seed): an uncommitted change was served")
        #expect(missed == 0, "seed \(seed): a change never arrived")
        #expect(l2Timings.allSatisfy { $0 > 150 }, "every timing is drawn: \(l2Timings)")
        #expect(copy.digestMismatches == 0, "seed \(seed)")
        #expect(zip(copy.cursorSequences, copy.cursorSequences.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(copy.versions.count == Self.leadPool)
        #expect(copy.digest == (try server.store.scopeDigest(repID: rep.id)))
    }

    /// A current score for `lead` under model version 1 (saving it logs an upsert for its owner).
    static func score(_ lead: LeadID, total: Double, at date: Date) -> LeadScore {
        LeadScore(
            leadID: lead, fit: total - 20, engagement: 20, total: total, grade: .b, qualified: true, modelVersion: 1,
            contributions: [
                ScoreContribution(ruleID: "title-vp", label: "Title is VP", points: total - 20, kind: .fit)
            ],
            scoredAt: date)
    }

    /// Runs a blocking store call on a Dispatch thread (it may wait for the writer L1 holds), so
    /// the router's handlers keep their threads.
    static func offThePool(_ body: @escaping @Sendable () throws -> Void) -> Task<Void, any Error> {
        Task {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                DispatchQueue.global().async {
                    do {
                        try body()
                        continuation.resume()
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
        }
    }
}
