import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// Issue 3 through the real `leadrelay-server` command code: model versions, stage moves,
/// rescoring, bad models, `leads show`, events import.
@Suite("model, score, import events")
struct ScoringCommandTests {
    static let leadsCSV = Paths.sharedFile("data/x-education-leads/Leads.csv")
    static let xModel = Paths.packageFile("models/x-education.json")

    struct SetResult: Decodable {
        var version: Int
        var scoring: ScoringRunSummary
    }

    static func importLeads(db: String) async throws {
        let run = await CommandRun.leadrelayServer(
            "import", "leads", leadsCSV, "--mapping", Paths.packageFile("mappings/x-education.yaml"), "--db", db)
        try #require(run.status == 0, "\(run.errorOutput)")
    }

    struct ImportResult: Decodable {
        var created: Int
        var scoring: ScoringRunSummary?
    }

    /// With a model in force, imported leads are scored at once: none waits in `new`. The 3,604
    /// MQLs are the count `model set` gives on the same file.
    @Test func importUnderAModelScoresTheNewLeads() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        #expect(await CommandRun.leadrelayServer("model", "set", Self.xModel, "--db", db).status == 0)
        let run = await CommandRun.leadrelayServer(
            "import", "leads", Self.leadsCSV, "--mapping", Paths.packageFile("mappings/x-education.yaml"), "--db", db,
            "--json")
        #expect(run.status == 0, "\(run.errorOutput)")
        let result = try JSONDecoder().decode(ImportResult.self, from: Data(run.output.utf8))
        #expect(result.created == 9_240)
        #expect(result.scoring?.scored == 9_240)
        #expect(result.scoring?.movedToMQL == 3_604)
        #expect(result.scoring?.movedToNurturing == 5_636)
        let byStage = try SQLiteLeadStore(path: db).leadCountsByStage()
        #expect(byStage[.new] == nil)
        #expect(byStage[.mql] == 3_604)

        let again = await CommandRun.leadrelayServer(
            "import", "leads", Self.leadsCSV, "--mapping", Paths.packageFile("mappings/x-education.yaml"), "--db", db,
            "--json")
        let unchanged = try JSONDecoder().decode(ImportResult.self, from: Data(again.output.utf8))
        #expect(unchanged.created == 0)
        #expect(unchanged.scoring == nil)
    }

    @Test func modelSetMovesStagesAndNeverTouchesLeadsWithSales() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        try await Self.importLeads(db: db)
        let store = try SQLiteLeadStore(path: db)
        let first = try store.leads(stage: .new, limit: 2)
        try #require(first.count == 2)
        let assigned = first[0].id
        let accepted = first[1].id
        let now = Date()
        for (lead, stages) in [(assigned, [LifecycleStage.mql, .assigned]), (accepted, [.mql, .assigned, .accepted])] {
            for (stage, trigger) in zip(stages, [StageTrigger.score, .route, .accept]) {
                try store.transition(
                    StageTransitionRequest(leadID: lead, to: stage, trigger: trigger, actor: "test", at: now))
            }
        }

        let set = await CommandRun.leadrelayServer("model", "set", Self.xModel, "--note", "first", "--db", db, "--json")
        #expect(set.status == 0, "\(set.errorOutput)")
        let result = try JSONDecoder().decode(SetResult.self, from: Data(set.output.utf8))
        #expect(result.version == 1)
        #expect(result.scoring.modelVersion == 1)
        #expect(result.scoring.scored == 9_238)
        #expect(result.scoring.movedToMQL + result.scoring.movedToNurturing == 9_238)
        #expect(result.scoring.movedToMQL == result.scoring.qualified)
        #expect(result.scoring.movedToMQL > 1_000)
        #expect(result.scoring.movedToNurturing > 1_000)

        let byStage = try store.leadCountsByStage()
        #expect(byStage[.new] == nil)
        #expect(byStage[.assigned] == 1)
        #expect(byStage[.accepted] == 1)
        #expect(byStage[.mql] == result.scoring.movedToMQL)
        #expect(try store.lead(id: assigned)?.stage == .assigned)
        #expect(try store.lead(id: accepted)?.stage == .accepted)
        #expect(try store.stageHistory(leadID: accepted).count == 3)
        #expect(try store.currentScore(leadID: accepted) == nil)

        // Stage follows the score; every move is recorded with actor and model version.
        let sample = try store.leads(stage: nil, limit: 300).filter { !$0.stage.isFrozenForRescoring }
        let scores = try store.currentScores(leadIDs: sample.map(\.id))
        for lead in sample {
            let score = try #require(scores[lead.id])
            #expect(score.modelVersion == 1)
            #expect((lead.stage == .mql) == score.qualified)
            let history = try store.stageHistory(leadID: lead.id)
            #expect(history.count == 1)
            #expect(history.first?.actor == "system:scoring")
            #expect(history.first?.modelVersion == 1)
            #expect(history.first?.from == .new)
        }

        // A second run with nothing changed moves nobody.
        let again = await CommandRun.leadrelayServer("score", "--db", db, "--json")
        #expect(again.status == 0, "\(again.errorOutput)")
        let summary = try JSONDecoder().decode(ScoringRunSummary.self, from: Data(again.output.utf8))
        #expect(summary.scored == 9_238)
        #expect(summary.movedToMQL == 0)
        #expect(summary.movedToNurturing == 0)
        #expect(summary.unchanged == 9_238)
        for lead in sample.prefix(20) { #expect(try store.stageHistory(leadID: lead.id).count == 1) }

        let history = await CommandRun.leadrelayServer("model", "history", "--db", db)
        #expect(history.output.contains("X Education default"))
        #expect(history.output.contains("first"))
    }

    @Test func leadsShowListsScoreGradeVersionAndContributions() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        try await Self.importLeads(db: db)
        let set = await CommandRun.leadrelayServer("model", "set", Self.xModel, "--db", db)
        #expect(set.status == 0, "\(set.errorOutput)")
        #expect(set.output.contains("model version 1 set: X Education default"))

        // 7927b2df…: Lead Origin API, source olark chat, 0 visits (Leads.csv row 2).
        let show = await CommandRun.leadrelayServer("leads", "show", "7927b2df-8bba-4d29-b9a2-b6e0beafe620", "--db", db)
        #expect(show.status == 0, "\(show.errorOutput)")
        #expect(show.output.contains("score: "))
        #expect(show.output.contains("grade "))
        #expect(show.output.contains("model version 1"))
        #expect(show.output.contains("top contributions:"))
        #expect(show.output.contains("Spent under a minute on the website"))

        let json = await CommandRun.leadrelayServer(
            "leads", "show", "7927b2df-8bba-4d29-b9a2-b6e0beafe620", "--db", db, "--json")
        struct Detail: Decodable { var score: LeadScore? }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let detail = try decoder.decode(Detail.self, from: Data(json.output.utf8))
        let score = try #require(detail.score)
        #expect(score.modelVersion == 1)
        #expect(score.contributions.contains { $0.ruleID == "time-on-site-none" && $0.points == -10 })
    }

    @Test func badModelsLeaveTheCurrentVersionInForce() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let good = folder.path("good.yaml")
        try ScoringModelLoaderFixture.tinyYAML.write(toFile: good, atomically: true, encoding: .utf8)
        #expect(await CommandRun.leadrelayServer("model", "set", good, "--db", db).status == 0)

        let cases = [
            ("points: 20}", "pionts: 20}", "fitRules[0].pionts"),
            ("points: 20}", "points: ten}", "fitRules[0].points"),
            ("halfLifeDays: 7}", "halfLifeDays: -7}", "engagementRules[0].halfLifeDays"),
            ("threshold: 25}", "threshold: 500}", "qualification.threshold"),
        ]
        for (index, (from, to, key)) in cases.enumerated() {
            let bad = folder.path("bad\(index).yaml")
            try ScoringModelLoaderFixture.tinyYAML.replacingOccurrences(of: from, with: to)
                .write(toFile: bad, atomically: true, encoding: .utf8)
            let run = await CommandRun.leadrelayServer("model", "set", bad, "--db", db)
            #expect(run.status == 1)
            #expect(run.errorOutput.hasPrefix("error: \(bad):"), "\(run.errorOutput)")
            #expect(run.errorOutput.contains(key), "\(run.errorOutput)")
            #expect(run.errorOutput.split(separator: "\n").count == 1)
        }
        let store = try SQLiteLeadStore(path: db)
        #expect(try store.scoringModels().count == 1)
        let show = await CommandRun.leadrelayServer("model", "show", "--db", db)
        #expect(show.output.hasPrefix("model version 1: tiny"))
    }

    @Test func commandsThatNeedAModelSaySoInOneLine() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        for arguments in [
            ["score"], ["model", "show"], ["evaluate"], ["model", "calibrate", "--out", folder.path("m.json")],
        ] {
            let run = await CommandRun.leadrelayServer(arguments + ["--db", db])
            #expect(run.status == 1)
            #expect(run.errorOutput.contains("leadrelay-server model set models/x-education.json"), "\(arguments)")
            #expect(run.errorOutput.split(separator: "\n").count == 1)
        }
    }

    @Test func eventsImportCountsADuplicateOnceAndRescoresTouchedLeads() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let leads = folder.path("leads.csv")
        try "id,email,country\nL1,ann@example.com,India\nL2,bob@example.com,India\nL3,cy@example.com,Nepal\n"
            .write(toFile: leads, atomically: true, encoding: .utf8)
        let leadMapping = folder.path("leads.yaml")
        try "columns:\n  id: externalID\n  email: email\n  country: country\n"
            .write(toFile: leadMapping, atomically: true, encoding: .utf8)
        #expect(
            await CommandRun.leadrelayServer("import", "leads", leads, "--mapping", leadMapping, "--db", db).status == 0
        )
        let model = folder.path("tiny.yaml")
        try ScoringModelLoaderFixture.tinyYAML.write(toFile: model, atomically: true, encoding: .utf8)
        let set = await CommandRun.leadrelayServer("model", "set", model, "--db", db, "--json")
        #expect(set.status == 0, "\(set.errorOutput)")

        let events = folder.path("events.csv")
        // Yesterday: before 11:00 UTC, today's 11:00 is still to come, and an event in the future is refused.
        let yesterday = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-86_400)).prefix(10)
        try """
        Lead,Activity,At,Minutes
        L1,Webinar,\(yesterday) 09:00:00,45
        L1,Webinar,\(yesterday) 09:00:00,45
        bob@example.com,webinar,\(yesterday) 10:30:00,
        L9,webinar,\(yesterday) 11:00:00,3
        L2,webinar,not a date,3

        """.write(toFile: events, atomically: true, encoding: .utf8)
        let eventMapping = folder.path("events.yaml")
        try """
        lead: {column: Lead, match: default}
        type: {column: Activity, case: lower}
        timestamp: {column: At, format: "yyyy-MM-dd HH:mm:ss"}
        value: Minutes

        """.write(toFile: eventMapping, atomically: true, encoding: .utf8)

        let run = await CommandRun.leadrelayServer(
            "import", "events", events, "--mapping", eventMapping, "--db", db, "--json")
        #expect(run.status == 1)  // two rows rejected
        let summary = try JSONDecoder().decode(EventImportSummary.self, from: Data(run.output.utf8))
        #expect(summary.rowsRead == 5)
        #expect(summary.added == 2)
        #expect(summary.duplicates == 1)
        #expect(summary.leadsTouched == 2)
        #expect(summary.rejected.map(\.row) == [5, 6])
        #expect(summary.rejected.first?.column == "Lead")
        #expect(summary.rejected.first?.reason.contains("L9") == true)
        #expect(summary.rejected.last?.column == "At")
        // India (20) + one webinar (10) reaches the threshold of 25: both touched leads move to mql.
        #expect(summary.scoring?.scored == 2)
        #expect(summary.scoring?.movedToMQL == 2)

        let store = try SQLiteLeadStore(path: db)
        let ann = try #require(try store.lead(dedupeKey: "ext:L1"))
        #expect(ann.stage == .mql)
        #expect(try store.events(leadID: ann.id).count == 1)
        #expect(try store.currentScore(leadID: ann.id)?.engagement ?? 0 > 9)

        let again = await CommandRun.leadrelayServer(
            "import", "events", events, "--mapping", eventMapping, "--db", db, "--json")
        let second = try JSONDecoder().decode(EventImportSummary.self, from: Data(again.output.utf8))
        #expect(second.added == 0)
        #expect(second.duplicates == 3)
        #expect(second.scoring?.movedToMQL == 0)
    }
}

/// A small valid model used by the bad-input and events tests.
enum ScoringModelLoaderFixture {
    static let tinyYAML = """
        version: 7
        name: tiny
        fitRules:
          - {id: india, label: Works in India, field: country, equals: India, points: 20}
        engagementRules:
          - {id: webinar, label: Attended a webinar, eventType: webinar, points: 10, cap: 30, halfLifeDays: 7}
        gradeBands: {a: 20, b: 10, c: 5}
        qualification: {threshold: 25}

        """
}
