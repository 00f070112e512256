public import LeadModel
public import SyncProtocol

/// One rep's push, checked and waiting for the store's writer: what
/// ``SyncStore/applyPushes(_:at:)`` applies, several in one write transaction.
public struct PendingPush: Sendable {
    /// The pushing rep (the device token's owner).
    public let repID: RepID
    /// The device's client id (SPEC §5 rule 5).
    public let clientID: String
    /// The mutations in mutation-id order, each with the request's client id.
    public let mutations: [Mutation]
    /// The device's mark of what the server answered for it (``PushRequest/acknowledgedThrough``).
    public let acknowledgedThrough: Int64?
    /// Each mutation's payload hash (``Mutation/payloadHash(leadIDText:)``), in order.
    public let payloadHashes: [String]
    /// Each mutation's lead id as stored (lower-case UUID text), in order.
    public let leadIDTexts: [String]

    /// A push to apply. Hashes each mutation's payload and writes its lead id as text here, on
    /// the caller's thread, so that the store's single writer does not.
    public init(repID: RepID, clientID: String, mutations: [Mutation], acknowledgedThrough: Int64? = nil) {
        self.repID = repID
        self.clientID = clientID
        self.mutations = mutations
        self.acknowledgedThrough = acknowledgedThrough
        let leadIDTexts = mutations.map(\.leadID.description)
        payloadHashes = zip(mutations, leadIDTexts).map { $0.payloadHash(leadIDText: $1) }
        self.leadIDTexts = leadIDTexts
    }
}
