import Foundation
import LeadModel
import Testing

@testable import LeadScoring

/// The interned feature table `evaluate` encodes folds from, against the straightforward
/// `FeatureEncoder.encode(_:)`, and the warm start of the regression.
@Suite struct FeatureTableTests {
    /// Synthetic leads plus values of every kind: a date (read by month), a flag, a number that is
    /// sometimes text (so categorical), a value seen only in the test rows.
    static func leads() -> [Lead] {
        Fixture.syntheticLeads(count: 900, seed: 21).enumerated().map { index, lead in
            var lead = lead
            lead.attributes["signed_up"] = .date(Date(timeIntervalSince1970: Double(index % 90) * 86_400))
            lead.attributes["ebook"] = index % 7 == 0 ? nil : .bool(index % 3 == 0)
            lead.attributes["employees"] = index % 11 == 0 ? .text("unknown") : .number(Double(index % 13))
            if index >= 800 { lead.attributes["late"] = .text("only in the last rows") }
            lead.source = ["google", "reference", "", nil][index % 4]
            return lead
        }
    }

    @Test func foldRowsEqualTheStraightforwardEncoding() {
        let leads = Self.leads()
        let table = FeatureTable(leads: leads, options: FeatureOptions())
        let train = leads.indices.filter { $0 % 5 != 2 && $0 < 800 }
        let test = leads.indices.filter { $0 % 5 == 2 || $0 >= 800 }
        let encoder = FeatureEncoder(table: table, rows: train, options: FeatureOptions())
        #expect(encoder == FeatureEncoder(fitting: train.map { leads[$0] }))
        #expect(encoder.features.map(\.subject).contains(.attribute("signed_up.month")))
        #expect(encoder.features.map(\.subject).contains(.attribute("employees")))
        #expect(!encoder.features.map(\.subject).contains(.attribute("late")))
        #expect(table.rows(train, encoder: encoder) == train.map { encoder.encode(leads[$0]) })
        #expect(table.rows(test, encoder: encoder) == test.map { encoder.encode(leads[$0]) })
    }

    @Test func aWarmStartReachesTheSameFitInFewerIterations() {
        let leads = Self.leads()
        let labels = leads.map { $0.outcome?.won ?? false }
        let table = FeatureTable(leads: leads, options: FeatureOptions())
        let options = CalibrationOptions()
        let all = CalibratedModel(fitting: table, rows: Array(leads.indices), labels: labels, options: options)
        let fold = leads.indices.filter { $0 % 5 != 0 }
        let cold = CalibratedModel(fitting: table, rows: fold, labels: labels, options: options)
        let warm = CalibratedModel(fitting: table, rows: fold, labels: labels, options: options, start: all)
        #expect(warm.encoder == cold.encoder)
        #expect(warm.regression.iterations < cold.regression.iterations)
        #expect(abs(warm.regression.intercept - cold.regression.intercept) < 1e-7)
        for (a, b) in zip(warm.regression.weights, cold.regression.weights) { #expect(abs(a - b) < 1e-7) }
    }
}
