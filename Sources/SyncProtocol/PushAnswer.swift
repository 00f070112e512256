/// The server's answer to a push (SPEC §5 rule 5): one result per mutation, in the request's
/// order, and what the server had applied for the client before this push, so that a device can
/// reconcile after either side was restored from a backup (SPEC §5 rule 11).
public struct PushAnswer: Hashable, Codable, Sendable {
    /// One result per mutation, in the request's order.
    public var results: [PushResult]
    /// The largest mutation id the server had applied (or refused for good) for this client
    /// before this push, 0 when the client id was new to it; `nil` from a server that does not
    /// state it (the device then does not reconcile).
    public var lastAppliedBefore: Int64?

    /// An answer.
    public init(results: [PushResult], lastAppliedBefore: Int64?) {
        self.results = results
        self.lastAppliedBefore = lastAppliedBefore
    }
}
