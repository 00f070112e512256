/// One scoring feature as the regression sees it, and how a lead's value becomes columns.
public struct EncodedFeature: Hashable, Sendable {
    /// How the value is turned into columns.
    public enum Encoding: Hashable, Sendable {
        /// One-hot: a column per kept level (in order), then an "other" column (levels seen fewer
        /// than `minimumLevelCount` times in training, or never), then a "missing" column.
        /// `counts` are the training leads per column (levels, other, missing), used to express
        /// points relative to the typical lead.
        case categorical(levels: [RuleValue], counts: [Int])
        /// A number clipped to `lower…upper` (training quantiles), standardised as
        /// `(clipped − mean) / scale` in one column, plus a "missing" indicator column (a missing
        /// value is imputed at the mean, z = 0). `binEdges` and `binMeans` describe the training
        /// distribution for turning the fitted weight into points per range.
        case numeric(lower: Double, upper: Double, mean: Double, scale: Double, binEdges: [Double], binMeans: [Double])
    }

    /// What the feature reads from a lead (never a post-contact attribute).
    public var subject: RuleSubject
    /// How.
    public var encoding: Encoding
    /// The first column index of this feature.
    public var offset: Int

    /// A feature.
    public init(subject: RuleSubject, encoding: Encoding, offset: Int) {
        self.subject = subject
        self.encoding = encoding
        self.offset = offset
    }

    /// Number of columns the feature uses.
    public var width: Int {
        switch encoding {
        case .categorical(let levels, _): return levels.count + 2
        case .numeric: return 2
        }
    }
}
