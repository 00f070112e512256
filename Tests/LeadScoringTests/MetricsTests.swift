import LeadScoring
import Testing

@Suite struct MetricsTests {
    @Test func perfectlySeparatedScoresGiveAUCOne() {
        #expect(Metrics.rocAUC(scores: [0.1, 0.2, 0.8, 0.9], labels: [false, false, true, true]) == 1)
    }

    @Test func reversedScoresGiveAUCZero() {
        #expect(Metrics.rocAUC(scores: [0.9, 0.8, 0.2, 0.1], labels: [false, false, true, true]) == 0)
    }

    @Test func textbookExampleGivesThreeQuarters() {
        // scikit-learn's roc_auc_score doc example.
        #expect(Metrics.rocAUC(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true]) == 0.75)
    }

    @Test func tiesCountHalf() {
        // pairs (pos, neg): (.5,.5)=½ (.5,.1)=1 (.5,.5)=½ (.5,.1)=1 → 3/4
        #expect(Metrics.rocAUC(scores: [0.5, 0.5, 0.5, 0.1], labels: [true, true, false, false]) == 0.75)
        // (.5,.5)=½ (.5,.1)=1 (.9,.5)=1 (.9,.1)=1 → 3.5/4
        #expect(Metrics.rocAUC(scores: [0.5, 0.9, 0.5, 0.1], labels: [true, true, false, false]) == 0.875)
        #expect(Metrics.rocAUC(scores: [3, 3, 3, 3], labels: [true, false, true, false]) == 0.5)
    }

    @Test func aucNeedsBothClasses() {
        #expect(Metrics.rocAUC(scores: [1, 2], labels: [true, true]) == nil)
        #expect(Metrics.rocAUC(scores: [], labels: []) == nil)
    }

    static let scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05]
    static let labels = [true, true, false, true, false, false, true, false, false, false]

    @Test func precisionRecallAndF1AtAThreshold() {
        let counts = Metrics.confusion(scores: Self.scores, labels: Self.labels, threshold: 0.55)
        #expect(counts == ConfusionCounts(truePositives: 3, falsePositives: 1, trueNegatives: 5, falseNegatives: 1))
        #expect(counts.precision == 0.75)
        #expect(counts.recall == 0.75)
        #expect(counts.f1 == 0.75)
        #expect(counts.accuracy == 0.8)
        // "score ≥ threshold" is inclusive
        #expect(Metrics.confusion(scores: Self.scores, labels: Self.labels, threshold: 0.6).truePositives == 3)
        let none = Metrics.confusion(scores: Self.scores, labels: Self.labels, threshold: 2)
        #expect(none.precision == 0 && none.recall == 0 && none.f1 == 0)
    }

    @Test func liftPerGroup() {
        let rows = Metrics.liftByDecile(scores: Self.scores, labels: Self.labels, groups: 5)
        #expect(rows.map(\.count) == [2, 2, 2, 2, 2])
        #expect(rows.map(\.positives) == [2, 1, 0, 1, 0])
        #expect(rows.map(\.lift) == [2.5, 1.25, 0, 1.25, 0])
        #expect(rows[1].cumulativeLift == 1.875)
        #expect(rows[4].cumulativeLift == 1)
        let deciles = Metrics.liftByDecile(scores: Self.scores, labels: Self.labels)
        #expect(deciles.count == 10)
        #expect(deciles[0].lift == 2.5 && deciles[2].lift == 0)
    }

    @Test func decilesOfUnevenCountsDifferByAtMostOne() {
        let scores = (0..<23).map(Double.init)
        let labels = scores.map { $0 > 15 }
        let rows = Metrics.liftByDecile(scores: scores, labels: labels)
        #expect(rows.map(\.count).reduce(0, +) == 23)
        #expect(Set(rows.map(\.count)).isSubset(of: [2, 3]))
        #expect(rows[0].rate == 1)
    }

    @Test func thresholdReachingATargetPrecision() {
        // cut-offs from the top: 1/1, 2/2, 2/3, 3/4 (0.6), 3/5, 3/6, 4/7, …
        #expect(Metrics.threshold(reachingPrecision: 0.75, scores: Self.scores, labels: Self.labels) == 0.6)
        #expect(Metrics.threshold(reachingPrecision: 1, scores: Self.scores, labels: Self.labels) == 0.8)
        #expect(Metrics.threshold(reachingPrecision: 0.4, scores: Self.scores, labels: Self.labels) == 0.05)
        #expect(Metrics.threshold(reachingPrecision: 0.5, scores: [1, 2], labels: [false, false]) == nil)
    }

    @Test func meanAndSampleDeviation() {
        let summary = Metrics.meanAndDeviation([0.8, 0.9, 1.0])
        #expect(abs(summary.mean - 0.9) < 1e-12)
        #expect(abs(summary.deviation - 0.1) < 1e-12)
        #expect(summary.description == "0.9000 ± 0.1000")
        #expect(Metrics.meanAndDeviation([0.5]).deviation == 0)
    }
}
