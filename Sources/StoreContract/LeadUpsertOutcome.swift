public import LeadModel

/// What one imported row did to the store.
public enum LeadUpsertOutcome: Hashable, Sendable {
    /// No lead had the dedupe key: a new lead with this id, in stage `new`.
    case created(LeadID)
    /// The stored lead's imported content differed and was replaced; id, stage and history kept.
    case updated(LeadID)
    /// The stored lead already had exactly this content: nothing was written.
    case unchanged(LeadID)
    /// A second row of the same run for an already written lead.
    case merged(into: LeadID)
}

extension LeadUpsertOutcome {
    /// The lead whose content this row created or changed (to be rescored), or `nil` when unchanged.
    public var changedLeadID: LeadID? {
        switch self {
        case .created(let id), .updated(let id), .merged(into: let id): return id
        case .unchanged: return nil
        }
    }
}
