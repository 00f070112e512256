/// How a column's text becomes a value: mapping key `type`, default `text`.
public enum ValueType: String, CaseIterable, Hashable, Sendable {
    /// Kept exactly as written (only case folding applies, when declared).
    case text
    /// A decimal number (`.` as decimal separator, POSIX), surrounding spaces ignored.
    case number
    /// A yes/no flag; the words come from the column's `yes`/`no` lists (defaults:
    /// yes/y/true/1 and no/n/false/0, compared case-insensitively).
    case bool
    /// A calendar date or date-time in UTC, parsed strictly with the column's `format`
    /// (default: ISO `yyyy-MM-dd`, optionally followed by ` HH:mm:ss` or `THH:mm:ss`).
    case date
}
