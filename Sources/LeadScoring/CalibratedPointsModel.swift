import Foundation

/// A calibrated model written back as an ordinary points `ScoringModel`, with the scale that ties
/// its points to probabilities: `logit P = logOddsAtZero + fitPoints / pointsPerLogOdds`.
public struct CalibratedPointsModel: Hashable, Sendable {
    /// The readable, editable model (marketing may change it like any other).
    public var model: ScoringModel
    /// Points per unit of log-odds (20 means +20 points doubles the odds about 2.7 times).
    public var pointsPerLogOdds: Double
    /// The log-odds of a lead with 0 fit points.
    public var logOddsAtZero: Double

    /// A written model and its scale.
    public init(model: ScoringModel, pointsPerLogOdds: Double, logOddsAtZero: Double) {
        self.model = model
        self.pointsPerLogOdds = pointsPerLogOdds
        self.logOddsAtZero = logOddsAtZero
    }

    /// The probability (0–1) a fit of `points` stands for.
    public func probability(forPoints points: Double) -> Double {
        1 / (1 + exp(-(logOddsAtZero + points / pointsPerLogOdds)))
    }

    /// The points that stand for `probability` (0–1, exclusive), not rounded.
    public func points(forProbability probability: Double) -> Double {
        (log(probability / (1 - probability)) - logOddsAtZero) * pointsPerLogOdds
    }
}
