/// Settings of an evaluation run (issue 3: `evaluate [--folds 5] [--seed N]
/// [--target-precision 0.7]`).
public struct EvaluationOptions: Hashable, Sendable {
    /// Number of cross-validation folds (2 or more).
    public var folds: Int
    /// Seed of the fold shuffle (`SplitMix64`).
    public var seed: UInt64
    /// The precision (0–1) whose threshold is reported.
    public var targetPrecision: Double
    /// How the calibrated model is fitted.
    public var calibration: CalibrationOptions
    /// How the calibrated model is written back as points.
    public var writer: CalibratedModelWriter

    /// Options; defaults: 5 folds, seed 42, target precision 0.7.
    public init(
        folds: Int = 5, seed: UInt64 = 42, targetPrecision: Double = 0.7,
        calibration: CalibrationOptions = CalibrationOptions(), writer: CalibratedModelWriter = CalibratedModelWriter()
    ) {
        self.folds = folds
        self.seed = seed
        self.targetPrecision = targetPrecision
        self.calibration = calibration
        self.writer = writer
    }
}
