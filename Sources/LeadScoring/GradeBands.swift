public import LeadModel

/// The fit-score bands for grades (SPEC §3 "Grade: a letter band of fit"): a fit of at least
/// `a` points is grade A, at least `b` is B, at least `c` is C, anything lower is D.
/// Bands must descend strictly (`a > b > c`).
public struct GradeBands: Hashable, Codable, Sendable {
    /// Lowest fit (points, inclusive) graded A.
    public var a: Double
    /// Lowest fit (points, inclusive) graded B.
    public var b: Double
    /// Lowest fit (points, inclusive) graded C; below it is D.
    public var c: Double

    /// Bands with the given lower bounds in points.
    public init(a: Double, b: Double, c: Double) {
        self.a = a
        self.b = b
        self.c = c
    }

    /// The grade of a fit score (points).
    public func grade(forFit fit: Double) -> Grade {
        if fit >= a { return .a }
        if fit >= b { return .b }
        if fit >= c { return .c }
        return .d
    }

    /// The lowest fit (points) that earns `grade`; `-infinity` for D.
    public func lowerBound(of grade: Grade) -> Double {
        switch grade {
        case .a: return a
        case .b: return b
        case .c: return c
        case .d: return -.infinity
        }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case a, b, c }

    /// Reads `{a: …, b: …, c: …}`.
    /// - Throws: `ScoringModelError` (`.unknownKey`) for any other key; `DecodingError` for a
    ///   missing band or a wrong type.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        a = try container.decode(Double.self, forKey: .a)
        b = try container.decode(Double.self, forKey: .b)
        c = try container.decode(Double.self, forKey: .c)
    }
}
