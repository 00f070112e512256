import Foundation
import LeadModel
import LeadScoring
import Testing

@Suite struct EvaluationTests {
    static let model = ScoringModel(
        version: 3, name: "synthetic",
        fitRules: [
            FitRule(
                id: "channel-a", label: "Channel A", subject: .attribute("channel"), predicate: .equals(.text("a")),
                points: 20),
            FitRule(
                id: "channel-c", label: "Channel C", subject: .attribute("channel"), predicate: .equals(.text("c")),
                points: -20),
            FitRule(
                id: "long-visit", label: "Half an hour or more", subject: .attribute("minutes"),
                predicate: .range(NumericRange(min: 30)), points: 20),
        ],
        gradeBands: GradeBands(a: 30, b: 10, c: 0), qualification: QualificationDefinition(threshold: 20))

    @Test func reportComparesTheCurrentAndTheCalibratedModel() throws {
        var leads = Fixture.syntheticLeads(count: 1000, seed: 21)
        leads.append(Lead(attributes: ["channel": .text("a")]))  // no outcome: skipped
        let report = try Evaluation(options: EvaluationOptions(folds: 5, seed: 7)).run(
            leads: leads, model: Self.model, now: Fixture.now)
        #expect(report.leadCount == 1000)
        #expect(report.current.foldAUCs.count == 5)
        #expect(report.current.rocAUC.mean > 0.75)
        #expect(report.calibrated.rocAUC.mean > report.current.rocAUC.mean)
        #expect(abs(report.calibratedPoints.rocAUC.mean - report.calibrated.rocAUC.mean) < 0.01)
        #expect(report.current.threshold == 20)
        #expect(report.calibrated.threshold == 0.5)
        let counts = report.current.atThreshold
        #expect(counts.truePositives + counts.falsePositives + counts.trueNegatives + counts.falseNegatives == 1000)
        #expect(report.current.precision == counts.precision)
        #expect(report.calibrated.liftByDecile.count == 10)
        #expect(report.calibrated.liftByDecile[0].lift > report.calibrated.liftByDecile[9].lift)
        #expect(report.calibrated.thresholdForTargetPrecision != nil)
        #expect(report.calibratedModel.version == 4)
        try report.calibratedModel.validate()
        let json = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(EvaluationReport.self, from: json) == report)
    }

    @Test func sameSeedGivesTheSameReport() throws {
        let leads = Fixture.syntheticLeads(count: 400, seed: 5)
        let evaluation = Evaluation(options: EvaluationOptions(folds: 4, seed: 99))
        let first = try evaluation.run(leads: leads, model: Self.model, now: Fixture.now)
        let second = try evaluation.run(leads: leads.reversed(), model: Self.model, now: Fixture.now)
        let again = try evaluation.run(leads: leads, model: Self.model, now: Fixture.now)
        #expect(first == again)
        #expect(second.leadCount == first.leadCount)
    }

    @Test func tooFewLabelledLeadsForTheFoldsIsAnError() {
        let leads = Fixture.syntheticLeads(count: 3, seed: 1)
        #expect(throws: Evaluation.EvaluationError.self) {
            try Evaluation().run(leads: leads, model: Self.model, now: Fixture.now)
        }
    }

    @Test func calibrateWritesTheSameModelTheReportCarries() throws {
        let leads = Fixture.syntheticLeads(count: 400, seed: 8)
        let evaluation = Evaluation(options: EvaluationOptions(folds: 4, seed: 1))
        let report = try evaluation.run(leads: leads, model: Self.model, now: Fixture.now)
        let written = try evaluation.calibrate(leads: leads, model: Self.model)
        #expect(written.model == report.calibratedModel)
        #expect(report.calibratedScale["pointsPerLogOdds"] == written.pointsPerLogOdds)
        #expect(throws: Evaluation.EvaluationError.self) {
            try evaluation.calibrate(leads: leads.filter { $0.outcome?.won == true }, model: Self.model)
        }
    }
}
