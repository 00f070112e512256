/// The answer to one mutation of a push, in the request's order.
public struct PushResult: Hashable, Codable, Sendable {
    /// The mutation answered.
    public var mutationID: Int64
    /// What happened to it.
    public var outcome: PushOutcome

    /// A result.
    public init(mutationID: Int64, outcome: PushOutcome) {
        self.mutationID = mutationID
        self.outcome = outcome
    }
}
