public import LeadModel

/// One data row the intake turned into a lead, ready for the store's upsert.
public struct IntakeRecord: Hashable, Sendable {
    /// The source row number (header = row 1).
    public var rowNumber: Int
    /// The namespaced dedupe key the store matches on: `ext:L-001`,
    /// `email:john.doe@example.com`, `row:bank.csv:2`, `key:a|b` (see ``DedupeKeyRule``).
    public var dedupeKey: String
    /// The lead: a fresh id, stage `new`, fields, attributes, post-contact attributes and outcome
    /// filled by the mapping.
    public var lead: Lead

    /// A record.
    public init(rowNumber: Int, dedupeKey: String, lead: Lead) {
        self.rowNumber = rowNumber
        self.dedupeKey = dedupeKey
        self.lead = lead
    }
}
