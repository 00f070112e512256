public import LeadModel

/// What one imported row did to the store.
public enum LeadUpsertOutcome: Hashable, Sendable {
    case created(LeadID)
    case updated(LeadID)
    case unchanged(LeadID)
    /// A second row of the same run for an already written lead.
    case merged(into: LeadID)
}
