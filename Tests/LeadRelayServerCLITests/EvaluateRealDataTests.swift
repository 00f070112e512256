import Foundation
import LeadModel
import LeadScoring
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// Issue 3's quality anchors on the real files in ../shared/data, through `evaluate --json` (5-fold
/// stratified cross-validation, seed 42, post-contact columns never read).
@Suite("evaluate: real data")
struct EvaluateRealDataTests {
    static let leadsCSV = Paths.sharedFile("data/x-education-leads/Leads.csv")
    static let olistCSV = Paths.sharedFile("data/olist-marketing-funnel/olist_marketing_qualified_leads_dataset.csv")

    static func prepare(csv: String, mapping: String, model: String, db: String) async throws {
        let imported = await CommandRun.leadrelayServer(
            "import", "leads", csv, "--mapping", Paths.packageFile(mapping), "--db", db)
        try #require(imported.status == 0, "\(imported.errorOutput)")
        let set = await CommandRun.leadrelayServer("model", "set", Paths.packageFile(model), "--db", db)
        try #require(set.status == 0, "\(set.errorOutput)")
    }

    static func evaluate(db: String) async throws -> EvaluationReport {
        let run = await CommandRun.leadrelayServer("evaluate", "--folds", "5", "--seed", "42", "--json", "--db", db)
        try #require(run.status == 0, "\(run.errorOutput)")
        return try JSONDecoder().decode(EvaluationReport.self, from: Data(run.output.utf8))
    }

    @Test func xEducationDefaultAndCalibratedModelsReachTheirAnchorsAndCalibrateRoundTrips() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        try await Self.prepare(
            csv: Self.leadsCSV, mapping: "mappings/x-education.yaml", model: "models/x-education.json", db: db)
        let report = try await Self.evaluate(db: db)
        #expect(report.leadCount == 9_240)
        #expect(report.positiveCount == 3_561)
        #expect(report.current.rocAUC.mean >= 0.80, "\(report.current.rocAUC)")
        #expect(report.calibrated.rocAUC.mean >= 0.89, "\(report.calibrated.rocAUC)")
        #expect(report.current.liftByDecile.count == 10)
        #expect(report.current.thresholdForTargetPrecision != nil)
        // The calibrated model never reads post-contact columns (nor the lead number, an id).
        let attributes = Set(
            report.calibratedModel.fitRules.compactMap { rule -> String? in
                if case .attribute(let name) = rule.subject { return name }
                return nil
            })
        #expect(attributes.isDisjoint(with: ["tags", "lead_quality", "lead_profile", "lead_number"]))
        #expect(!attributes.contains { $0.hasPrefix("asymmetrique") })

        // `model calibrate` writes a readable points model; `model set` loads it and rescores.
        let out = folder.path("calibrated.json")
        let calibrate = await CommandRun.leadrelayServer("model", "calibrate", "--out", out, "--db", db)
        #expect(calibrate.status == 0, "\(calibrate.errorOutput)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains(#"{ "id": "lead_origin=Lead Add Form", "label": "lead_origin is Lead Add Form""#))
        let set = await CommandRun.leadrelayServer("model", "set", out, "--note", "calibrated", "--db", db)
        #expect(set.status == 0, "\(set.errorOutput)")
        #expect(set.output.contains("model version 2 set"))

        // The stored scores of version 2 rank the leads as the regression does (both fitted on
        // every labelled lead).
        let store = try SQLiteLeadStore(path: db)
        var leads: [Lead] = []
        var lastID: LeadID?
        while true {
            let page = try store.leads(after: lastID, limit: 2_000)
            guard let last = page.last else { break }
            leads += page
            lastID = last.id
        }
        let labels = leads.map { $0.outcome?.won ?? false }
        let scores = try store.currentScores(leadIDs: leads.map(\.id))
        let totals = leads.map { scores[$0.id]?.total ?? .nan }
        #expect(scores.values.allSatisfy { $0.modelVersion == 2 })
        var options = CalibrationOptions()
        options.features.excludedAttributes = ["lead_number"]
        let regression = CalibratedModel(fitting: leads, labels: labels, options: options)
        let storedAUC = try #require(Metrics.rocAUC(scores: totals, labels: labels))
        let regressionAUC = try #require(Metrics.rocAUC(scores: leads.map(regression.logit), labels: labels))
        #expect(abs(storedAUC - regressionAUC) <= 0.005, "stored \(storedAUC), regression \(regressionAUC)")
    }

    @Test func olistCalibratedModelReachesItsAnchor() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        try await Self.prepare(
            csv: Self.olistCSV, mapping: "mappings/olist-mql.yaml", model: "models/olist.json", db: db)
        let report = try await Self.evaluate(db: db)
        #expect(report.leadCount == 8_000)
        #expect(report.positiveCount == 842)
        #expect(report.calibrated.rocAUC.mean >= 0.70, "\(report.calibrated.rocAUC)")
        let subjects = Set(report.calibratedModel.fitRules.map(\.subject))
        #expect(subjects.contains(.attribute("first_contact_date.month")))
        #expect(subjects.contains(.attribute("landing_page_id")))
    }
}
