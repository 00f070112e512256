import Foundation
import LeadModel
import LeadPipeline
import LeadScoring
import Testing

/// The compiled scorer against the straightforward rule-by-rule reading on every real lead:
/// totals, grades, qualified flags, model versions and contributions (in order) must be equal.
@Suite("Compiled scoring: real data")
struct CompiledScoringRealDataTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func leads(_ file: String, mapping: String) throws -> [Lead] {
        let intake = try LeadIntake(path: Fixtures.data(file), mapping: try Fixtures.mapping(mapping))
        return try Fixtures.drain(intake).records.map(\.lead)
    }

    static func shippedModel(_ name: String) throws -> ScoringModel {
        try ScoringModelLoader.load(path: Fixtures.packageRoot.appendingPathComponent("models/\(name).json").path)
    }

    /// Scores every lead both ways; returns the compiled scores.
    static func compareBothPaths(_ leads: [Lead], model: ScoringModel) throws -> [LeadScore] {
        let scorer = try LeadScorer(model: model)
        var scores: [LeadScore] = []
        var mismatches = 0
        for lead in leads {
            let compiled = scorer.score(lead, now: now)
            let reference = scorer.scoreRuleByRule(lead, now: now)
            if compiled != reference || scorer.fitPoints(of: lead) != compiled.fit {
                mismatches += 1
                if mismatches <= 3 { Issue.record("lead \(lead.externalID ?? "?"): \(compiled) != \(reference)") }
            }
            scores.append(compiled)
        }
        #expect(mismatches == 0)
        // The batch reads attributes by slot (the intake's leads share one key table); the same
        // leads each over a key table of their own take the per-table path: both equal the above.
        #expect(scorer.score(leads, now: now) == scores)
        let ownTables = leads.map { lead in
            var copy = lead
            copy.attributes = LeadAttributes(lead.attributes.dictionary)
            return copy
        }
        #expect(scorer.score(ownTables, now: now) == scores)
        return scores
    }

    @Test("Leads.csv, the shipped X Education model: both paths agree on all 9,240 leads, 3,604 qualified")
    func xEducationShippedModel() throws {
        let leads = try Self.leads("x-education-leads/Leads.csv", mapping: "x-education.yaml")
        #expect(leads.count == 9_240)
        #expect(leads.allSatisfy { $0.attributes.keyTable === leads[0].attributes.keyTable })
        let model = try Self.shippedModel("x-education")
        let scores = try Self.compareBothPaths(leads, model: model)
        // Figures of the scorer before it was compiled (README's demo: `model set` qualified 3,604).
        #expect(scores.filter(\.qualified).count == 3_604)
        #expect(scores.allSatisfy { $0.modelVersion == model.version })
        #expect(scores.contains { $0.contributions.count >= 5 })
    }

    @Test("Leads.csv, a calibrated points model (hundreds of rules): both paths agree on all 9,240 leads")
    func xEducationCalibratedModel() throws {
        let leads = try Self.leads("x-education-leads/Leads.csv", mapping: "x-education.yaml")
        var options = EvaluationOptions()
        options.calibration.features.excludedAttributes = ["lead_number"]
        let model = try Evaluation(options: options).calibrate(
            leads: leads, model: try Self.shippedModel("x-education")
        )
        .model
        #expect(model.fitRules.count > 64)
        let scores = try Self.compareBothPaths(leads, model: model)
        #expect(scores.contains { $0.qualified })
        #expect(scores.contains { !$0.qualified })
    }

    @Test("Olist MQLs, a calibrated points model (dates read by month): both paths agree on all 8,000 leads")
    func olistCalibratedModel() throws {
        let leads = try Self.leads(
            "olist-marketing-funnel/olist_marketing_qualified_leads_dataset.csv", mapping: "olist-mql.yaml")
        #expect(leads.count == 8_000)
        let model = try Evaluation().calibrate(leads: leads, model: try Self.shippedModel("olist")).model
        #expect(model.fitRules.contains { $0.subject == .attribute("first_contact_date.month") })
        _ = try Self.compareBothPaths(leads, model: model)
    }
}
