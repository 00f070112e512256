/// A letter band of the fit score: `A` is the best fit (SPEC §3).
public enum Grade: String, CaseIterable, Codable, Sendable, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"

    /// `A` ranks above `B`: `Grade.a > Grade.b`.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue > rhs.rawValue }
}
