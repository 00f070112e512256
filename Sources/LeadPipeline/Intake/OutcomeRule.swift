/// Where a labelled import finds each lead's known outcome (mapping key `outcome`).
public enum OutcomeRule: Hashable, Sendable {
    /// `outcome: {column: Converted, won: ["1"]}`: the label column of the file itself; the
    /// lead is won when the label (trimmed) is one of `won`; a blank label gives no outcome.
    case labelColumn(column: String, won: Set<String>)
    /// `outcome: {file: closed.csv, join: mql_id, keep: [sdr_id, …]}`: the lead is won when
    /// its `join` value appears in that column of `file` (a path relative to the data file's
    /// folder, or absolute); `keep` columns of the matching row go to `LeadOutcome.details`
    /// (blank values left out). `column` is the data file's join column (default: `join`).
    /// Every lead gets an outcome: won with label `won`, or not won with label `open`.
    case joinFile(file: String, join: String, column: String, keep: [String])
}
