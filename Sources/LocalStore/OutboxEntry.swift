public import Foundation
public import LeadModel
public import SyncProtocol

/// One row of the device's outbox: a mutation, its state and the server's answer.
public struct OutboxEntry: Hashable, Sendable {
    /// The mutation as it is (or will be) sent.
    public var mutation: Mutation
    /// Where it stands.
    public var state: OutboxState
    /// The server's refusal code when ``state`` is `refused`.
    public var refusalCode: MutationRejectionCode?
    /// A short label of the lead when it was queued (name and company), kept for display after the
    /// lead leaves the device.
    public var leadLabel: String
    /// When the rep queued it (device time).
    public var queuedAt: Date
    /// When it was last handed to the server, if ever.
    public var sentAt: Date?
    /// When the server's answer was recorded, if it was.
    public var answeredAt: Date?

    /// An outbox row.
    public init(
        mutation: Mutation, state: OutboxState, refusalCode: MutationRejectionCode?, leadLabel: String,
        queuedAt: Date, sentAt: Date?, answeredAt: Date?
    ) {
        self.mutation = mutation
        self.state = state
        self.refusalCode = refusalCode
        self.leadLabel = leadLabel
        self.queuedAt = queuedAt
        self.sentAt = sentAt
        self.answeredAt = answeredAt
    }

    /// The lead it acts on.
    public var leadID: LeadID { mutation.leadID }
}
