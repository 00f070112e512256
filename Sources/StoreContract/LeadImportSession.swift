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
    ///
    /// One person is one lead whatever key each file has (``LeadIdentity``): when no lead has the
    /// key, a key of the form `email:ADDRESS` for a row without an external id finds the one lead
    /// with that normalised email and an external id (the row's values replace the lead's where
    /// the row has them; the lead keeps the rest, its external id included); a key `ext:ID` with
    /// an email finds the lead with that email and no external id, which adopts the id. Other
    /// dedupe keys (row numbers, key columns) match only themselves.
    ///
    /// - Throws: ``LeadStoreError/emailMatchesSeveralLeads(email:externalIDs:)`` before writing
    ///   anything when a row without an external id has the email of several leads with different
    ///   external ids (the caller reports the row and goes on); ``LeadStoreError/externalIDTaken(_:)``;
    ///   database errors.
    @discardableResult
    func upsert(_ lead: Lead, dedupeKey: String) throws -> LeadUpsert
}
