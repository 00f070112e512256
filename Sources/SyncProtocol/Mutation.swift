public import LeadModel

/// One queued intent from a device's outbox (SPEC §5 rule 5), numbered per client.
///
/// `(clientID, mutationID)` is the idempotency key: a retried mutation with the same id and the
/// same payload is answered ``PushOutcome/duplicate``; the same id with another payload is
/// refused as ``MutationRejectionCode/conflict``.
public struct Mutation: Hashable, Codable, Sendable {
    /// The device installation that queued it (a random id made at login, bound to one rep).
    public var clientID: String
    /// Its number in that client's outbox: strictly increasing by one, sent in order.
    public var mutationID: Int64
    /// The lead it acts on.
    public var leadID: LeadID
    /// What the rep did.
    public var intent: MutationIntent
    /// For a verdict (accept, reject, convert), the lead's stage as the rep saw it when deciding,
    /// the device's own earlier verdicts included; `nil` for no check. The server refuses the
    /// verdict ``MutationRejectionCode/stale`` when the lead's stage differs: another device of
    /// the rep acted first, and this verdict must not overturn that one blindly.
    public var expectedStage: LifecycleStage?

    /// A mutation.
    public init(
        clientID: String, mutationID: Int64, leadID: LeadID, intent: MutationIntent,
        expectedStage: LifecycleStage? = nil
    ) {
        self.clientID = clientID
        self.mutationID = mutationID
        self.leadID = leadID
        self.intent = intent
        self.expectedStage = expectedStage
    }
}
