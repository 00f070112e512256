/// One decile of a lift table: leads ranked by score, highest first, cut into ten groups.
public struct DecileLift: Hashable, Codable, Sendable {
    /// 1 is the top-scored tenth, 10 the bottom.
    public var decile: Int
    /// Leads in this decile.
    public var count: Int
    /// Positives among them.
    public var positives: Int
    /// Positive rate in the decile, 0–1.
    public var rate: Double
    /// `rate` divided by the overall positive rate (1 = no better than random).
    public var lift: Double
    /// Positive rate of deciles 1 through this one, divided by the overall rate.
    public var cumulativeLift: Double

    /// A decile row.
    public init(decile: Int, count: Int, positives: Int, rate: Double, lift: Double, cumulativeLift: Double) {
        self.decile = decile
        self.count = count
        self.positives = positives
        self.rate = rate
        self.lift = lift
        self.cumulativeLift = cumulativeLift
    }
}
