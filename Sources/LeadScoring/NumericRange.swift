/// A numeric interval for a `range` predicate: `min` is **inclusive**, `max` is **exclusive**
/// (`min <= value < max`), so consecutive ranges such as `{min: 0, max: 300}` and
/// `{min: 300, max: 900}` never overlap. Either bound may be left out (open-ended).
///
/// Units are the attribute's own (seconds for `total_time_spent_on_website`, visits, …).
public struct NumericRange: Hashable, Codable, Sendable {
    /// The lower bound, inclusive; `nil` means no lower bound.
    public var min: Double?
    /// The upper bound, exclusive; `nil` means no upper bound.
    public var max: Double?

    /// An interval `min <= value < max`.
    public init(min: Double? = nil, max: Double? = nil) {
        self.min = min
        self.max = max
    }

    /// Whether `value` lies in the interval (`min` inclusive, `max` exclusive).
    public func contains(_ value: Double) -> Bool {
        if let min, value < min { return false }
        if let max, value >= max { return false }
        return true
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case min, max }

    /// Reads `{min: …, max: …}`.
    /// - Throws: `ScoringModelError` (`.unknownKey`) for any other key; `DecodingError` for a
    ///   bound that is not a number.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        min = try container.decodeIfPresent(Double.self, forKey: .min)
        max = try container.decodeIfPresent(Double.self, forKey: .max)
    }
}
