public import LeadModel

/// The write side of one import run, valid only inside ``LeadStore/importLeads(runID:_:)``.
public protocol LeadImportSession {
    /// Creates the lead, or updates the stored lead with the same `dedupeKey`.
    ///
    /// An existing lead keeps its id, stage and history; its imported fields, attributes,
    /// post-contact attributes and outcome are replaced by `lead`'s when they differ
    /// (``LeadUpsertOutcome/updated(_:)``), else nothing is written
    /// (``LeadUpsertOutcome/unchanged(_:)``). When the stored lead was written earlier in this same
    /// run, the row is a duplicate within the file: the stored lead keeps its values and only
    /// gains the fields it lacked (``LeadUpsertOutcome/merged(into:)``).
    func upsert(_ lead: Lead, dedupeKey: String) throws -> LeadUpsertOutcome
}
