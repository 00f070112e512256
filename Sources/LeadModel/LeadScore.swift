public import Foundation

/// A lead's score under one scoring-model version at one instant (SPEC §4).
public struct LeadScore: Hashable, Codable, Sendable {
    /// The lead scored.
    public var leadID: LeadID
    /// Fit points (who the lead is).
    public var fit: Double
    /// Engagement points (what the lead did), after decay and per-rule caps.
    public var engagement: Double
    /// Fit plus engagement, after the model's overall cap: the number compared to the threshold.
    public var total: Double
    /// The fit grade band.
    public var grade: Grade
    /// Whether the lead meets the qualification definition (threshold and required criteria).
    public var qualified: Bool
    /// The model version that produced it.
    public var modelVersion: Int
    /// The explanation, largest absolute points first.
    public var contributions: [ScoreContribution]
    /// The clock reading the score was computed at (decay depends on it).
    public var scoredAt: Date

    /// A score; `contributions` should already be sorted, largest absolute points first.
    public init(
        leadID: LeadID, fit: Double, engagement: Double, total: Double, grade: Grade, qualified: Bool,
        modelVersion: Int, contributions: [ScoreContribution], scoredAt: Date
    ) {
        self.leadID = leadID
        self.fit = fit
        self.engagement = engagement
        self.total = total
        self.grade = grade
        self.qualified = qualified
        self.modelVersion = modelVersion
        self.contributions = contributions
        self.scoredAt = scoredAt
    }
}
