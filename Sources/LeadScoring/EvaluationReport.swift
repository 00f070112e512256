/// What `leadrelay-server evaluate` prints (issue 3 item 5), `Codable` for `--json`.
public struct EvaluationReport: Hashable, Codable, Sendable {
    /// Leads with a known outcome that were evaluated.
    public var leadCount: Int
    /// Positives among them.
    public var positiveCount: Int
    /// Folds used.
    public var folds: Int
    /// Seed of the split.
    public var seed: UInt64
    /// The current points model (unchanged across folds: it is not fitted).
    public var current: ModelEvaluation
    /// The logistic regression, fitted on each training fold, scored on its test fold
    /// (probabilities).
    public var calibrated: ModelEvaluation
    /// The regression written back as points on each training fold, scored by `LeadScorer` on
    /// its test fold (scores mapped to probabilities through each fold's scale, so folds pool).
    public var calibratedPoints: ModelEvaluation
    /// The calibrated points model fitted on every labelled lead: what `model calibrate` writes.
    public var calibratedModel: ScoringModel
    /// Points per log-odds and offset of `calibratedModel`.
    public var calibratedScale: [String: Double]
    /// `calibrated.thresholdForTargetPrecision` expressed in `calibratedModel` points (rounded up).
    public var calibratedModelThresholdForTargetPrecision: Double?

    /// A report.
    public init(
        leadCount: Int, positiveCount: Int, folds: Int, seed: UInt64, current: ModelEvaluation,
        calibrated: ModelEvaluation, calibratedPoints: ModelEvaluation, calibratedModel: ScoringModel,
        calibratedScale: [String: Double], calibratedModelThresholdForTargetPrecision: Double?
    ) {
        self.leadCount = leadCount
        self.positiveCount = positiveCount
        self.folds = folds
        self.seed = seed
        self.current = current
        self.calibrated = calibrated
        self.calibratedPoints = calibratedPoints
        self.calibratedModel = calibratedModel
        self.calibratedScale = calibratedScale
        self.calibratedModelThresholdForTargetPrecision = calibratedModelThresholdForTargetPrecision
    }
}
