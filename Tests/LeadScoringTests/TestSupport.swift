import Foundation
import LeadModel
import LeadScoring
import TestSupport

/// Shared fixtures for the scoring tests.
enum Fixture {
    /// The package root.
    static let packageRoot: URL = Paths.packageRoot

    /// A shipped model from `models/NAME.json`.
    static func shippedModel(_ name: String) throws -> ScoringModel {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("models/\(name).json"))
        return try JSONDecoder().decode(ScoringModel.self, from: data)
    }

    static func decode(_ json: String) throws -> ScoringModel {
        try JSONDecoder().decode(ScoringModel.self, from: Data(json.utf8))
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    /// A model with the given rules; bands 50/30/10, threshold 40, no criteria.
    static func model(
        fit: [FitRule] = [], engagement: [EngagementRule] = [], totalCap: Double? = nil,
        qualification: QualificationDefinition = QualificationDefinition(threshold: 40)
    ) -> ScoringModel {
        ScoringModel(
            version: 7, name: "test", fitRules: fit, engagementRules: engagement, totalCap: totalCap,
            gradeBands: GradeBands(a: 50, b: 30, c: 10), qualification: qualification)
    }

    static func rule(
        _ id: String, _ subject: RuleSubject, _ predicate: FitPredicate, points: Double, ignoreCase: Bool = false
    ) -> FitRule {
        FitRule(
            id: id, label: "label \(id)", subject: subject, predicate: predicate, ignoreCase: ignoreCase, points: points
        )
    }

    /// Synthetic labelled leads with a clear signal: `channel` (a strong, b weak, c negative),
    /// `minutes` (more is better, sometimes missing), `noise` (random text), and a post-contact
    /// `tag` that leaks the outcome and must never be used.
    static func syntheticLeads(count: Int, seed: UInt64) -> [Lead] {
        var generator = SplitMix64(seed: seed)
        func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        var leads: [Lead] = []
        for index in 0..<count {
            let channel = ["a", "b", "c"][generator.next(below: 3)]
            let minutes = uniform() * 60
            let hasMinutes = uniform() > 0.1
            let logit = (channel == "a" ? 1.5 : channel == "b" ? 0 : -1.5) + (hasMinutes ? (minutes - 30) / 10 : 0)
            let won = uniform() < 1 / (1 + exp(-logit))
            var attributes: LeadAttributes = [
                "channel": .text(channel), "noise": .text(["x", "y"][generator.next(below: 2)]),
            ]
            if hasMinutes { attributes["minutes"] = .number(minutes.rounded()) }
            leads.append(
                Lead(
                    id: LeadID(rawValue: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index))!),
                    attributes: attributes, postContactAttributes: ["tag": .text(won ? "closed" : "lost")],
                    outcome: LeadOutcome(won: won, label: won ? "1" : "0")))
        }
        return leads
    }
}
