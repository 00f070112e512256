/// The test a fit rule applies to its subject's value. Exactly one predicate key appears on a
/// rule in the document (`equals`, `in`, `range`, `exists`, `contains`, `isMissing`).
public enum FitPredicate: Hashable, Sendable {
    /// `equals: X`: the value is `X` (same kind; text compared exactly unless `ignoreCase`).
    case equals(RuleValue)
    /// `in: [X, Y]`: the value is one of the list.
    case oneOf([RuleValue])
    /// `range: {min, max}`: a number with `min <= value < max`.
    case range(NumericRange)
    /// `exists: true`: the value is present (not blank, not a declared missing marker).
    case exists
    /// `contains: "gmail"`: text containing the fragment.
    case contains(String)
    /// `isMissing: true`: the value is absent.
    case isMissing

    /// The document key that spells this predicate.
    public var key: String {
        switch self {
        case .equals: return "equals"
        case .oneOf: return "in"
        case .range: return "range"
        case .exists: return "exists"
        case .contains: return "contains"
        case .isMissing: return "isMissing"
        }
    }
}
