import Foundation
import LeadModel
import LeadPipeline
import LeadScoring
import SQLiteStore
import StoreContract
import SyncProtocol
import TestSupport
import Testing

/// Issue 6's acceptance on real data: the Olist MQLs, the real sales reps (`sr_id`) of the
/// closed-deals file, routed through the real commands; each routed lead judged by its real
/// outcome through the same push a device makes; the reports must agree with the outcomes.
@Suite("hand-off simulation on the Olist funnel")
struct HandoffSimulationTests {
    static let mqlCSV = Paths.sharedFile("data/olist-marketing-funnel/olist_marketing_qualified_leads_dataset.csv")
    static let dealsCSV = Paths.sharedFile("data/olist-marketing-funnel/olist_closed_deals_dataset.csv")

    /// The distinct `sr_id`s of the closed-deals file (the fourth column; no quoted cell comes before it).
    static func salesRepIDs() throws -> [String] {
        let lines = try String(contentsOfFile: dealsCSV, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        return Set(lines.map { String($0.split(separator: ",", omittingEmptySubsequences: false)[3]) }).sorted()
    }

    static func decode<T: Decodable>(_ type: T.Type, _ run: CommandRun) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(run.output.utf8))
    }

    @Test func routedOutcomesFlowIntoTheFunnelAndQualityReports() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let imported = await CommandRun.leadrelayServer(
            "import", "leads", Self.mqlCSV, "--mapping", Paths.packageFile("mappings/olist-mql.yaml"), "--db", db)
        #expect(imported.status == 0)

        let repIDs = try Self.salesRepIDs()
        #expect(repIDs.count == 22)
        for id in repIDs {
            let added = await CommandRun.leadrelayServer(
                "reps", "add", "sr \(id)", "--email", "sr-\(id)@olist.example.com", "--capacity", "1000", "--db", db)
            #expect(added.status == 0, "\(added.errorOutput)")
        }

        // scoring2's ScoringRun is not merged here: the shipped Olist model scores every lead (so the
        // router orders by score and the report has bands, grades and rules), and each lead enters
        // `mql` by the store's own transition with trigger `score` and that model version. Every
        // row of the file is an MQL by Olist's definition, so all of them enter.
        let store = try SQLiteLeadStore(path: db)
        let leads = try store.leads(stage: .new, limit: nil)
        #expect(leads.count == 8_000)
        let t0 = Date(timeIntervalSince1970: 1_767_225_600)
        let document = try String(contentsOfFile: Paths.packageFile("models/olist.json"), encoding: .utf8)
        let version = try store.saveScoringModel(document: document, createdBy: "admin:test", note: nil, at: t0)
        var model = try JSONDecoder().decode(ScoringModel.self, from: Data(document.utf8))
        model.version = version
        let scorer = try LeadScorer(model: model)
        try store.saveScores(leads.map { scorer.score($0, now: t0) })
        for lead in leads {
            try store.transition(
                .init(
                    leadID: lead.id, to: .mql, trigger: .score, actor: "system:scoring", at: t0, modelVersion: version))
        }

        let routed = await CommandRun.leadrelayServer("route", "--db", db, "--json", "--now", "2026-01-01T01:00:00Z")
        #expect(routed.status == 0, "\(routed.errorOutput)")
        let summary = try Self.decode(RoutingSummary.self, routed)
        #expect(summary.routed == 8_000)
        #expect(summary.overflow == 0)
        #expect(summary.perRep.count == 22)
        #expect(summary.perRep.values.allSatisfy { (360...370).contains($0) })

        // Each rep's device pushes a verdict per lead from the lead's real outcome.
        let sync = SyncService(store: store, now: { t0 + 4 * 3_600 })
        var byRep: [RepID: [Lead]] = [:]
        for lead in try store.leads(stage: .assigned, limit: nil) {
            byRep[try #require(try store.owner(of: lead.id)), default: []].append(lead)
        }
        var wonRouted = 0
        for (rep, repLeads) in byRep {
            let client = "olist-device-\(rep)"
            var intents: [(LeadID, MutationIntent)] = []
            for lead in repLeads {
                if lead.outcome?.won == true {
                    wonRouted += 1
                    intents += [(lead.id, .accept), (lead.id, .convert)]
                } else {
                    intents.append((lead.id, .rejecting(.noResponse, note: "no answer after three attempts")))
                }
            }
            var next: Int64 = 1
            for chunk in stride(from: 0, to: intents.count, by: PushRequest.maximumMutations) {
                let mutations = intents[chunk..<min(chunk + PushRequest.maximumMutations, intents.count)].map {
                    defer { next += 1 }
                    return Mutation(clientID: client, mutationID: next, leadID: $0.0, intent: $0.1)
                }
                let results = try sync.push(repID: rep, PushRequest(clientID: client, mutations: mutations))
                #expect(results.allSatisfy { $0.outcome == .applied })
            }
        }
        #expect(wonRouted == 842)

        let funnel = try Self.decode(
            FunnelReport.self, await CommandRun.leadrelayServer("report", "funnel", "--db", db, "--json"))
        #expect(funnel.conversion.converted == wonRouted)
        #expect(funnel.conversion.mql == 8_000)
        #expect(funnel.conversion.accepted == wonRouted)
        #expect(funnel.stages.first { $0.stage == "recycled" }?.count == 8_000 - wonRouted)
        #expect(funnel.timeInStage.first { $0.stage == "assigned" }?.medianHours == 3)

        let quality = try Self.decode(
            QualityReport.self, await CommandRun.leadrelayServer("report", "quality", "--db", db, "--json"))
        #expect(quality.overall.handed == 8_000)
        #expect(quality.overall.accepted == wonRouted)
        #expect(quality.overall.acceptanceRate == Double(wonRouted) / 8_000)
        #expect(quality.converted == wonRouted)
        #expect(quality.rejectionReasons == [ReasonCount(reason: "no_response", count: 8_000 - wonRouted)])
        #expect(quality.reps.count == 22)
        #expect(quality.reps.allSatisfy { $0.slaCompliance == 1 })
        #expect(quality.byScoreBand.map(\.handed).reduce(0, +) == 8_000)
        #expect(!quality.byRule.isEmpty)
        if let keep = ProcessInfo.processInfo.environment["LEADRELAY_SIMULATION_HTML"] {
            // scripts/report-screenshot.sh asks for the quality (or funnel) page of this run.
            let report = ProcessInfo.processInfo.environment["LEADRELAY_SIMULATION_REPORT"] ?? "quality"
            let kept = await CommandRun.leadrelayServer("report", report, "--db", db, "--html", keep)
            #expect(kept.status == 0)
            print(
                "figures: routed \(summary.routed), accepted \(quality.overall.accepted), converted "
                    + "\(funnel.conversion.converted), acceptance rate \(quality.overall.acceptanceRate ?? 0)")
        }
        // The Olist mapping keeps `origin` as an attribute, so every lead is under "(none)" as source.
        #expect(quality.bySource.map(\.handed) == [8_000])

        let html = folder.path("quality.html")
        let written = await CommandRun.leadrelayServer("report", "quality", "--db", db, "--html", html)
        #expect(written.status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("10.5%"))
        let csv = folder.path("quality.csv")
        #expect(await CommandRun.leadrelayServer("report", "quality", "--db", db, "--csv", csv).status == 0)
        #expect(try String(contentsOfFile: csv, encoding: .utf8).contains("overall,all,acceptance_rate,0.105"))
        let stats = await CommandRun.leadrelayServer("stats", "--db", db, "--json")
        #expect(stats.output.contains("\"overflow\" : 0"))
    }
}
