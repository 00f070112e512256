/// Case folding applied to a text column: mapping key `case`, so `Google` and `google` are one
/// source. Folding uses the POSIX locale (no Turkish dotless i surprises).
public enum CaseFolding: String, CaseIterable, Hashable, Sendable {
    /// `lower`: every letter lower-case.
    case lower
    /// `upper`: every letter upper-case.
    case upper
    /// `title`: the first letter of each word upper-case, the rest lower-case.
    case title
}
