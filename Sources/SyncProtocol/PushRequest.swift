/// A device sending its outbox, oldest first (SPEC §5 rule 5).
public struct PushRequest: Hashable, Codable, Sendable {
    /// The protocol version the device speaks.
    public var protocolVersion: SyncProtocolVersion
    /// The device's client id; every mutation must carry the same one.
    public var clientID: String
    /// The mutations in outbox order (increasing ``Mutation/mutationID``), at most
    /// ``maximumMutations``.
    public var mutations: [Mutation]
    /// The largest mutation id the server has answered for good for this client, as the device
    /// knows it (`nil` when none). A server whose own record of the client is behind this mark
    /// (restored from a backup) applies nothing of the push and answers every mutation `gap`
    /// with what it has (``PushAnswer/lastAppliedBefore``): the device then sends again what the
    /// server forgot, in order.
    public var acknowledgedThrough: Int64?

    /// The most mutations one push may carry: 1,000.
    public static let maximumMutations = 1_000

    /// A push request; version defaults to ``SyncProtocolVersion/current``.
    public init(
        protocolVersion: SyncProtocolVersion = .current, clientID: String, mutations: [Mutation],
        acknowledgedThrough: Int64? = nil
    ) {
        self.protocolVersion = protocolVersion
        self.clientID = clientID
        self.mutations = mutations
        self.acknowledgedThrough = acknowledgedThrough
    }
}
