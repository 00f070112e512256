/// One line of a score's explanation: which rule gave how many points.
public struct ScoreContribution: Hashable, Codable, Sendable {
    /// Fit (who the lead is) or engagement (what the lead did).
    public enum Kind: String, Codable, Sendable { case fit, engagement }

    /// The rule's id in the scoring model.
    public var ruleID: String
    /// The rule's label, as the rep reads it ("Works in India", "Visited pricing page").
    public var label: String
    /// Points given, possibly negative, after caps and decay.
    public var points: Double
    /// Which part of the score the points went to.
    public var kind: Kind

    /// One explanation line.
    public init(ruleID: String, label: String, points: Double, kind: Kind) {
        self.ruleID = ruleID
        self.label = label
        self.points = points
        self.kind = kind
    }
}
