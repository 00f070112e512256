/// What the server did with one pushed mutation.
public enum PushOutcome: Hashable, Codable, Sendable {
    /// Validated and applied now; the device marks it done.
    case applied
    /// Already seen with the same payload (applied or refused before); the device marks it done.
    case duplicate
    /// Refused. Every code but ``MutationRejectionCode/gap`` is permanent: the server has
    /// advanced past the mutation and the device keeps it visible as refused. A `gap` is not
    /// recorded: the device sends the missing ids first.
    case rejected(MutationRejectionCode)

    /// Whether the device may stop sending the mutation (all but a `gap`).
    public var isFinal: Bool {
        if case .rejected(.gap) = self { return false }
        return true
    }
}
