public import Foundation
public import LeadModel

/// A lead's latest reject as the store captured it when the history row was written.
public struct RecordedRejection: Hashable, Sendable {
    /// The lead.
    public var leadID: LeadID
    /// The reason code (`nil` only for a reject written without one).
    public var reason: ReasonCode?
    /// When it was rejected.
    public var rejectedAt: Date
    /// The lead's current score total (points) at that moment, or `nil` when it was never scored:
    /// the base of the re-entry margin.
    public var scoreAtRejection: Double?
    /// The end of the cool-down the reject set (a `bad_timing` re-entry date, or the reason's
    /// days), kept after the lead returns to nurturing; `nil` for a terminal reject.
    public var coolDownUntil: Date?

    /// A recorded rejection.
    public init(
        leadID: LeadID, reason: ReasonCode?, rejectedAt: Date, scoreAtRejection: Double?, coolDownUntil: Date? = nil
    ) {
        self.leadID = leadID
        self.reason = reason
        self.rejectedAt = rejectedAt
        self.scoreAtRejection = scoreAtRejection
        self.coolDownUntil = coolDownUntil
    }
}
