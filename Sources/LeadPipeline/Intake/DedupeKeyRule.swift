/// How the intake derives a row's dedupe key (mapping key `key`). Keys are namespaced strings:
/// `ext:L-001`, `email:john.doe@example.com`, `row:bank.csv:2`, `key:a|b`.
public enum DedupeKeyRule: Hashable, Sendable {
    /// The default: the external id when the row has one, else the normalised email (trimmed,
    /// lower-cased); a row with neither is a row problem.
    case externalIDThenEmail
    /// `key: externalID`: the external id only.
    case externalID
    /// `key: email`: the normalised email only.
    case email
    /// `key: row`: the file name and the source row number, for sources without any id (one
    /// lead per row; reimporting the same file is idempotent).
    case rowNumber
    /// `key: [col, col]`: the raw values of these columns, trimmed, joined with `|` (a `|` inside
    /// a value is escaped as `\|`). A row whose key columns are all blank is a row problem.
    case columns([String])
}
