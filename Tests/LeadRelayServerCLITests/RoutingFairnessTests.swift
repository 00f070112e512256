import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// Issue 15 item 6: the round robin goes on across `route` runs instead of starting afresh.
@Suite("route: fair across runs")
struct RoutingFairnessTests {
    @Test func tenRunsOfTwoLeadsGiveEachOfTwoRepsHalfOfTheBest() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        for name in ["ana", "ben"] {
            let run = await CommandRun.leadrelayServer(
                "reps", "add", name, "--email", "\(name)@example.com", "--capacity", "100", "--db", db)
            #expect(run.status == 0)
        }
        let store = try SQLiteLeadStore(path: db)
        let at = Date(timeIntervalSince1970: 1_767_225_600)
        _ = try store.saveScoringModel(document: "{}", createdBy: "admin:test", note: nil, at: at)
        var bestOwners: [String] = []
        var owners: [String: Int] = [:]
        for run in 0..<10 {
            var ids: [LeadID] = []
            for (rank, total) in [(0, 90.0), (1, 60.0)] {
                let name = "run\(run)-lead\(rank)"
                let lead = Lead(externalID: name, country: "BR", createdAt: at)
                _ = try store.importLeads(runID: ImportRunID()) { try $0.upsert(lead, dedupeKey: name) }
                let id = try #require(try store.lead(dedupeKey: name)?.id)
                try store.saveScores([
                    LeadScore(
                        leadID: id, fit: total, engagement: 0, total: total, grade: .b, qualified: true,
                        modelVersion: 1, contributions: [], scoredAt: at)
                ])
                try store.transition(.init(leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: at))
                ids.append(id)
            }
            let route = await CommandRun.leadrelayServer("route", "--db", db)
            #expect(route.status == 0, "\(route.errorOutput)")
            let assignments = Dictionary(
                uniqueKeysWithValues: try store.openAssignments().map { ($0.leadID, $0.repID) })
            let reps = Dictionary(uniqueKeysWithValues: try store.reps().map { ($0.id, $0.name) })
            let best = try #require(assignments[ids[0]].flatMap { reps[$0] })
            bestOwners.append(best)
            for id in ids { owners[assignments[id].flatMap { reps[$0] } ?? "nobody", default: 0] += 1 }
        }
        let anaBest = bestOwners.filter { $0 == "ana" }.count
        #expect((4...6).contains(anaBest), "the best lead of each run went to \(bestOwners)")
        #expect(owners == ["ana": 10, "ben": 10])
    }
}
