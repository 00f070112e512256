/// How well one model's scores predict outcomes (SPEC §4): ROC AUC under k-fold
/// cross-validation, and precision, recall, F1 and lift on the pooled out-of-fold scores.
public struct ModelEvaluation: Hashable, Codable, Sendable {
    /// What was evaluated (`current model v3`, `calibrated`, `calibrated points`).
    public var name: String
    /// The unit of `threshold` and `thresholdForTargetPrecision`: `points` or `probability`.
    public var scoreUnit: String
    /// ROC AUC (0–1) of each test fold.
    public var foldAUCs: [Double]
    /// Their mean and sample standard deviation.
    public var rocAUC: MeanAndDeviation
    /// The qualification threshold the counts below use ("score ≥ threshold" predicts positive;
    /// required criteria are not applied).
    public var threshold: Double
    /// Counts at `threshold`.
    public var atThreshold: ConfusionCounts
    /// Precision at `threshold`, 0–1.
    public var precision: Double
    /// Recall at `threshold`, 0–1.
    public var recall: Double
    /// F1 at `threshold`, 0–1.
    public var f1: Double
    /// Lift per decile of the pooled out-of-fold scores.
    public var liftByDecile: [DecileLift]
    /// The precision sought (0–1).
    public var targetPrecision: Double
    /// The lowest threshold reaching `targetPrecision`, in `scoreUnit`; `nil` when none does.
    public var thresholdForTargetPrecision: Double?

    /// Computes the figures from pooled scores and the per-fold AUCs.
    public init(
        name: String, scoreUnit: String, scores: [Double], labels: [Bool], foldAUCs: [Double], threshold: Double,
        targetPrecision: Double
    ) {
        self.name = name
        self.scoreUnit = scoreUnit
        self.foldAUCs = foldAUCs
        rocAUC = Metrics.meanAndDeviation(foldAUCs)
        self.threshold = threshold
        atThreshold = Metrics.confusion(scores: scores, labels: labels, threshold: threshold)
        precision = atThreshold.precision
        recall = atThreshold.recall
        f1 = atThreshold.f1
        liftByDecile = Metrics.liftByDecile(scores: scores, labels: labels)
        self.targetPrecision = targetPrecision
        thresholdForTargetPrecision = Metrics.threshold(
            reachingPrecision: targetPrecision, scores: scores, labels: labels)
    }
}
