/// How an imported row found (or did not find) the lead it is, beyond its own dedupe key: the
/// rule that makes one person one lead whatever key each file carries (issue 15, item 1;
/// mappings/README.md "One person, one lead").
public enum LeadIdentity: Hashable, Sendable {
    /// The row's own dedupe key named the lead (or no lead, and one was created).
    case dedupeKey
    /// The row had no external id; its normalised email is that of the lead with this external
    /// id, so it is that lead (the lead keeps its external id and key).
    case emailOfIdentifiedLead(externalID: String)
    /// The row's external id was new; its normalised email was that of a lead without an
    /// external id, which adopted the row's id (and is now keyed by it).
    case adoptedExternalID(String)
    /// The row's external id was new and a new lead was created, although leads with these other
    /// external ids share its normalised email: different external ids stay different leads, and
    /// the pair is reported.
    case sharesEmailWith(externalIDs: [String])
}
