public import LeadModel
public import SyncProtocol

/// One rep's push, checked and waiting for the store's writer: what
/// ``SyncStore/applyPushes(_:at:)`` applies, several in one write transaction.
public struct PendingPush: Sendable {
    /// The pushing rep (the device token's owner).
    public var repID: RepID
    /// The device's client id (SPEC §5 rule 5).
    public var clientID: String
    /// The mutations in mutation-id order, each with the request's client id.
    public var mutations: [Mutation]

    /// A push to apply.
    public init(repID: RepID, clientID: String, mutations: [Mutation]) {
        self.repID = repID
        self.clientID = clientID
        self.mutations = mutations
    }
}
