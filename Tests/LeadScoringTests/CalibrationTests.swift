import Foundation
import LeadModel
import LeadScoring
import Testing

@Suite struct CalibrationTests {
    @Test func logisticRegressionRecoversExactLogOdds() {
        // x = 0: 2 of 10 positive; x = 1: 8 of 10 positive. Unpenalised, the fit is exact:
        // intercept = logit(0.2) = −ln 4, weight = logit(0.8) − logit(0.2) = 2 ln 4.
        var rows: [SparseRow] = []
        var labels: [Bool] = []
        for index in 0..<10 {
            rows.append(SparseRow())
            labels.append(index < 2)
            rows.append(SparseRow(indices: [0], values: [1]))
            labels.append(index < 8)
        }
        let model = LogisticRegression.fit(rows: rows, labels: labels, columnCount: 1, l2: 0)
        #expect(abs(model.intercept + log(4)) < 1e-6)
        #expect(abs(model.weights[0] - 2 * log(4)) < 1e-6)
        #expect(abs(model.probability(SparseRow(indices: [0], values: [1])) - 0.8) < 1e-6)
        #expect(model.iterations < 20)
    }

    @Test func ridgeShrinksWeights() {
        let rows = (0..<20).map { SparseRow(indices: [0], values: [$0 % 2 == 0 ? 1 : -1]) }
        let labels = (0..<20).map { $0 % 2 == 0 }  // perfectly separated
        let loose = LogisticRegression.fit(rows: rows, labels: labels, columnCount: 1, l2: 0.1)
        let tight = LogisticRegression.fit(rows: rows, labels: labels, columnCount: 1, l2: 10)
        #expect(loose.weights[0].isFinite)
        #expect(loose.weights[0] > tight.weights[0])
        #expect(tight.weights[0] > 0)
    }

    @Test func calibratedModelRecoversAClearSignalAndIgnoresPostContact() throws {
        let leads = Fixture.syntheticLeads(count: 1500, seed: 11)
        let labels = leads.map { $0.outcome!.won }
        let model = CalibratedModel(fitting: leads, labels: labels)
        let subjects = model.encoder.features.map(\.subject)
        #expect(subjects == [.attribute("channel"), .attribute("minutes"), .attribute("noise")])
        #expect(!subjects.contains(.attribute("tag")))
        guard case .categorical(let levels, let counts) = model.encoder.features[0].encoding else {
            Issue.record("channel should be categorical")
            return
        }
        #expect(levels == [.text("a"), .text("b"), .text("c")])
        #expect(counts.count == 5 && counts.reduce(0, +) == 1500 && counts[3] == 0 && counts[4] == 0)
        let weights = model.regression.weights
        // channel a (+1.5) > b (0) > c (−1.5); truth is 1.5 log-odds apart each.
        #expect(weights[0] - weights[1] > 0.9 && weights[0] - weights[1] < 2.1)
        #expect(weights[1] - weights[2] > 0.9 && weights[1] - weights[2] < 2.1)
        // minutes: +0.1 log-odds per minute, standardised by ≈ 17.3 minutes → ≈ 1.7 per sd
        #expect(weights[model.encoder.features[1].offset] > 1.2)
        let noise = model.encoder.features[2].offset
        #expect(abs(weights[noise] - weights[noise + 1]) < 0.4)
        let auc = Metrics.rocAUC(scores: leads.map(model.probability), labels: labels) ?? 0
        #expect(auc > 0.85)
    }

    @Test func calibratedPointsModelRoundTripsThroughJSONAndKeepsTheRanking() throws {
        let leads = Fixture.syntheticLeads(count: 1500, seed: 12)
        let labels = leads.map { $0.outcome!.won }
        let calibrated = CalibratedModel(fitting: leads, labels: labels)
        let base = try Fixture.shippedModel("x-education")
        let written = CalibratedModelWriter().write(calibrated, base: base)
        try written.model.validate()
        #expect(written.model.version == base.version + 1)
        #expect(written.model.engagementRules == base.engagementRules)
        #expect(written.model.fitRules.allSatisfy { $0.points == $0.points.rounded() && $0.points != 0 })
        #expect(written.model.fitRules.contains { $0.id == "channel=a" && $0.predicate == .equals(.text("a")) })
        #expect(written.model.fitRules.contains { $0.id == "minutes:missing" && $0.predicate == .isMissing })
        #expect(!written.model.fitRules.contains { $0.subject == .attribute("tag") })

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json = try encoder.encode(written.model)
        let decoded = try JSONDecoder().decode(ScoringModel.self, from: json)
        #expect(decoded == written.model)

        let scorer = try LeadScorer(model: decoded)
        let points = leads.map { scorer.score($0, now: Fixture.now).fit }
        let pointsAUC = try #require(Metrics.rocAUC(scores: points, labels: labels))
        let regressionAUC = try #require(Metrics.rocAUC(scores: leads.map(calibrated.probability), labels: labels))
        #expect(abs(pointsAUC - regressionAUC) < 0.01)
        // the points stand for the regression's probabilities
        for lead in leads.prefix(50) {
            let fit = scorer.fitPoints(of: lead)
            #expect(abs(written.probability(forPoints: fit) - calibrated.probability(of: lead)) < 0.1)
        }
        // the threshold is the smallest whole total at P ≥ 0.5
        let threshold = decoded.qualification.threshold
        #expect(written.probability(forPoints: threshold) >= 0.5)
        #expect(written.probability(forPoints: threshold - 1) < 0.5)
        #expect(abs(written.points(forProbability: written.probability(forPoints: 37)) - 37) < 1e-9)
    }

    @Test func aTwoValuedNumberStillGivesValidRanges() throws {
        let leads = (0..<200).map { index in
            Lead(attributes: ["webinars": .number(index % 10 == 0 ? 1 : 0)], outcome: nil)
        }
        let labels = (0..<200).map { $0 % 10 == 0 || $0 % 7 == 0 }
        let calibrated = CalibratedModel(fitting: leads, labels: labels)
        guard case .numeric(let lower, let upper, _, _, let edges, let means) = calibrated.encoder.features[0].encoding
        else {
            Issue.record("webinars should be numeric")
            return
        }
        #expect(lower == 0 && upper == 1)
        #expect(edges == [1])
        #expect(means == [0, 1])
        let written = CalibratedModelWriter().write(calibrated, base: Fixture.model())
        try written.model.validate()
        let scorer = try LeadScorer(model: written.model)
        #expect(scorer.fitPoints(of: leads[0]) > scorer.fitPoints(of: leads[1]))
    }
}
