/// What one imported row did to the store, and how it found its lead.
public struct LeadUpsert: Hashable, Sendable {
    /// What was written.
    public var outcome: LeadUpsertOutcome
    /// Whether the lead was found by the row's dedupe key or by the one-person-one-lead email rule.
    public var identity: LeadIdentity

    /// A result.
    public init(outcome: LeadUpsertOutcome, identity: LeadIdentity = .dedupeKey) {
        self.outcome = outcome
        self.identity = identity
    }
}
