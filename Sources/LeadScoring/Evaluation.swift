public import Foundation
public import LeadModel

/// Measures how well the current scoring model and a calibrated one predict known outcomes (SPEC
/// §4 "Calibration from outcomes"; issue 3 item 5). Pure: give it leads with `outcome` set (others
/// are skipped), their events, the model and a clock.
public struct Evaluation: Sendable {
    /// Why an evaluation cannot run.
    public enum EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
        /// Too few labelled leads of a class for the folds (see `StratifiedKFold.SplitError`).
        case cannotSplit(String)

        /// A sentence naming the problem.
        public var description: String {
            switch self {
            case .cannotSplit(let reason): return "cannot cross-validate: \(reason)"
            }
        }
    }

    /// The settings.
    public var options: EvaluationOptions

    /// An evaluation with `options`.
    public init(options: EvaluationOptions = EvaluationOptions()) {
        self.options = options
    }

    /// Runs the evaluation: stratified k-fold split of the labelled leads; the current model's
    /// totals (at `now`, with `events` by lead) per test fold; the logistic regression fitted on
    /// all labelled leads (the calibrated model the report carries, written back as points); then
    /// per training fold the regression (started from that fit) and its points version.
    /// - Throws: `ScoringModelError` when `model` is invalid; `EvaluationError.cannotSplit` when a
    ///   class has fewer leads than folds.
    public func run(
        leads allLeads: [Lead], events: [LeadID: [EngagementEvent]] = [:], model: ScoringModel, now: Date
    ) throws -> EvaluationReport {
        let leads = allLeads.filter { $0.outcome != nil }
        let labels = leads.map { $0.outcome?.won ?? false }
        let folds: [[Int]]
        do {
            folds = try StratifiedKFold(folds: options.folds, seed: options.seed).split(labels: labels)
        } catch {
            throw EvaluationError.cannotSplit(String(describing: error))
        }
        let scorer = try LeadScorer(model: model)
        let totals = scorer.score(leads, events: events, now: now).map(\.total)

        // Every lead's feature values are read once; each fold learns its encoder from them. The
        // model fitted on all labelled leads comes first: each fold's Newton iterations start from
        // it (a warm start; the penalised likelihood has one optimum, so the fold's fit is the
        // same to within the solver's tolerance, in fewer iterations).
        let table = FeatureTable(leads: leads, options: options.calibration.features)
        let final = CalibratedModel(
            fitting: table, rows: Array(leads.indices), labels: labels, options: options.calibration)

        var probabilities = [Double](repeating: 0, count: leads.count)
        var pointsProbabilities = [Double](repeating: 0, count: leads.count)
        var currentAUCs: [Double] = []
        var calibratedAUCs: [Double] = []
        var pointsAUCs: [Double] = []
        var inTest = [Bool](repeating: false, count: leads.count)
        for test in folds {
            for index in inTest.indices { inTest[index] = false }
            for index in test { inTest[index] = true }
            let train = leads.indices.filter { !inTest[$0] }
            let testLabels = test.map { labels[$0] }
            currentAUCs.append(Metrics.rocAUC(scores: test.map { totals[$0] }, labels: testLabels) ?? .nan)

            let calibrated = CalibratedModel(
                fitting: table, rows: train, labels: labels, options: options.calibration, start: final)
            for (index, row) in zip(test, table.rows(test, encoder: calibrated.encoder)) {
                probabilities[index] = calibrated.regression.probability(row)
            }
            calibratedAUCs.append(Metrics.rocAUC(scores: test.map { probabilities[$0] }, labels: testLabels) ?? .nan)

            let written = options.writer.write(calibrated, base: model)
            let pointsScorer = try LeadScorer(model: written.model)
            for index in test {
                let fit = pointsScorer.fitPoints(of: leads[index])
                pointsProbabilities[index] = written.probability(forPoints: fit)
            }
            pointsAUCs.append(
                Metrics.rocAUC(scores: test.map { pointsProbabilities[$0] }, labels: testLabels) ?? .nan)
        }

        let target = options.targetPrecision
        let current = ModelEvaluation(
            name: "current model v\(model.version)", scoreUnit: "points", scores: totals, labels: labels,
            foldAUCs: currentAUCs, threshold: model.qualification.threshold, targetPrecision: target)
        let calibrated = ModelEvaluation(
            name: "calibrated (logistic regression)", scoreUnit: "probability", scores: probabilities,
            labels: labels, foldAUCs: calibratedAUCs, threshold: options.writer.qualifyingProbability,
            targetPrecision: target)
        let calibratedPoints = ModelEvaluation(
            name: "calibrated points model", scoreUnit: "probability", scores: pointsProbabilities, labels: labels,
            foldAUCs: pointsAUCs, threshold: options.writer.qualifyingProbability, targetPrecision: target)

        let written = options.writer.write(final, base: model)
        let targetPoints = calibrated.thresholdForTargetPrecision.map {
            written.points(forProbability: Swift.min(Swift.max($0, 1e-6), 1 - 1e-6)).rounded(.up)
        }
        return EvaluationReport(
            leadCount: leads.count, positiveCount: labels.filter { $0 }.count, folds: options.folds,
            seed: options.seed, current: current, calibrated: calibrated, calibratedPoints: calibratedPoints,
            calibratedModel: written.model,
            calibratedScale: ["pointsPerLogOdds": written.pointsPerLogOdds, "logOddsAtZero": written.logOddsAtZero],
            calibratedModelThresholdForTargetPrecision: targetPoints)
    }

    /// The calibrated points model alone (`model calibrate --out FILE`): the regression fitted on
    /// every lead with a known outcome, written back as points on top of `model` (whose engagement
    /// rules and required criteria it keeps), version `model.version + 1`.
    /// - Throws: `EvaluationError.cannotSplit` when there are no positive or no negative outcomes.
    public func calibrate(leads allLeads: [Lead], model: ScoringModel) throws -> CalibratedPointsModel {
        let leads = allLeads.filter { $0.outcome != nil }
        let labels = leads.map { $0.outcome?.won ?? false }
        let positives = labels.filter { $0 }.count
        guard positives > 0, positives < labels.count else {
            throw EvaluationError.cannotSplit(
                "calibration needs both outcomes (have \(positives) won of \(labels.count) labelled leads)")
        }
        let calibrated = CalibratedModel(fitting: leads, labels: labels, options: options.calibration)
        return options.writer.write(calibrated, base: model)
    }
}
