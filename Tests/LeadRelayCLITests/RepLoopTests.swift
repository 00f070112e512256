import Foundation
import LeadModel
import LeadPipeline
import LeadRelayCLI
import LeadScoring
import LocalStore
import SQLiteStore
import StoreContract
import SyncProtocol
import TestSupport
import Testing

/// The rep's loop on the real X Education file, end to end through the real command code.
///
/// Scoring: this branch has no `score` verb yet (it is on branch `scoring2`), so the test scores
/// with the library the verb wraps: `LeadScorer` over `models/x-education.json`, scores saved in
/// the store, qualified leads moved `new` → `mql` through the store's one transition path.
@Suite("Rep loop on real data", .serialized)
struct RepLoopTests {
    static let leadsCSV = Paths.sharedFile("data/x-education-leads/Leads.csv")
    /// Which 200 qualified leads the rep gets; `LEADRELAY_REP_LOOP_SEED=N` replays another draw.
    static var seed: UInt64 { SeededGenerator.seed(from: "LEADRELAY_REP_LOOP_SEED", default: 20_261_207) }
    /// The scoring clock: fixed, so a replayed seed scores the same (2026-12-01T00:00:00Z).
    static let scoredAt = Date(timeIntervalSince1970: 1_796_083_200)

    /// Scores every lead with the X Education model and moves the qualified ones to `mql`.
    /// Returns the qualified leads' ids.
    static func scoreAll(_ world: SyncWorld) throws -> [LeadID] {
        let document = try String(contentsOfFile: Paths.packageFile("models/x-education.json"), encoding: .utf8)
        let version = try world.store.saveScoringModel(
            document: document, createdBy: "admin:test", note: nil, at: scoredAt)
        var model = try JSONDecoder().decode(ScoringModel.self, from: Data(document.utf8))
        model.version = version
        let scorer = try LeadScorer(model: model)
        let now = scoredAt
        var qualified: [LeadID] = []
        var after: LeadID?
        while true {
            let page = try world.store.leads(after: after, limit: 1_000)
            guard let last = page.last else { break }
            after = last.id
            let events = try world.store.events(leadIDs: page.map(\.id))
            let scores = page.map { scorer.score($0, events: events[$0.id] ?? [], now: now) }
            try world.store.saveScores(scores)
            for score in scores where score.qualified {
                try world.toMQL(score.leadID)
                qualified.append(score.leadID)
            }
        }
        return qualified
    }

    @Test func repWorksTwoHundredLeadsOfflineAndTheServerSeesTheVerdicts() async throws {
        let world = try SyncWorld()
        let imported = await CommandRun.leadrelayServer([
            "import", "leads", Self.leadsCSV, "--mapping", Paths.packageFile("mappings/x-education.yaml"), "--db",
            world.databasePath,
        ])
        #expect(imported.status == 0, "\(imported.errorOutput)")
        let qualified = try Self.scoreAll(world)
        try #require(qualified.count >= 200, "only \(qualified.count) qualified leads")
        let (r1, token) = try world.rep("R1")
        let seed = Self.seed
        var generator = SeededGenerator(seed: seed)
        let handed = Array(qualified.shuffled(using: &generator).prefix(200))
        // Every failure below names the draw it came from.
        let replay = Comment(rawValue: "seed \(seed) (replay with LEADRELAY_REP_LOOP_SEED=\(seed))")
        try world.assign(handed, to: r1)

        var server = try await LiveServer.start(world)
        let port = server.port
        let d1 = world.device("D1")
        #expect(await d1.run("login", "--server", server.url, "--token", token).status == 0, replay)
        let sync = await d1.run("sync")
        #expect(sync.status == 0, "\(sync.errorOutput); \(replay)")
        #expect(sync.output.contains("pulled 200, removed 0, pushed 0, refused 0"), replay)

        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let listed = try decoder.decode([SyncedLead].self, from: Data(await d1.run("leads", "--json").output.utf8))
        #expect(Set(listed.map(\.leadID)) == Set(handed), replay)
        let scores = listed.map { $0.scoreTotal ?? -.infinity }
        #expect(scores == scores.sorted(by: >), replay)
        #expect(listed.allSatisfy { $0.scoreTotal != nil && !$0.topContributions.isEmpty }, replay)
        let table = await d1.run("leads", "--limit", "5")
        #expect(table.output.contains("RANK"), replay)
        #expect(table.output.contains(String(listed[0].leadID.description.prefix(8))), replay)

        // Offline: the server is down while the rep works.
        await server.stop()
        let rejected = Array(listed.suffix(3).map(\.leadID))
        let accepted = Array(listed.prefix(2).map(\.leadID))
        let reasons = ["no_budget", "bad_timing", "other"]
        for (id, reason) in zip(rejected, reasons) {
            var arguments = ["reject", String(id.description.prefix(8)), "--reason", reason]
            if reason == "other" { arguments += ["--note", "moved to a competitor's trial"] }
            let run = await d1.run(arguments)
            #expect(run.status == 0, "\(run.errorOutput); \(replay)")
        }
        for id in accepted { #expect(await d1.run("accept", id.description).status == 0, replay) }
        #expect(await d1.run("status").output.contains("Queued: 5"), replay)
        let shown = await d1.run("show", rejected[0].description)
        #expect(shown.output.contains("reject no_budget"), replay)
        #expect(shown.output.contains("Top reasons:"), replay)

        server = try await LiveServer.start(world, port: port)
        defer { server.cancel() }
        let second = await d1.run("sync")
        #expect(second.status == 0, "\(second.errorOutput); \(replay)")
        #expect(second.output.contains("removed 3, pushed 5, refused 0"), replay)
        for (id, reason) in zip(rejected, reasons) {
            let history = try world.store.stageHistory(leadID: id)
            let recycle = try #require(history.first { $0.to == .recycled }, replay)
            #expect(recycle.reason?.rawValue == reason, replay)
        }
        for id in accepted { #expect(try world.stage(id) == .accepted, replay) }
        let after = try decoder.decode([SyncedLead].self, from: Data(await d1.run("leads", "--json").output.utf8))
        #expect(after.count == 197, replay)
        #expect(await d1.run("leads").output.contains("197 leads."), replay)
        #expect(await d1.run("leads", "--stage", "accepted", "--json").output.contains(accepted[0].description), replay)
    }
}
