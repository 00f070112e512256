public import Foundation

/// Something a lead did (page view, form submit, email open, webinar, …): the input to the
/// engagement score (SPEC §3).
public struct EngagementEvent: Hashable, Codable, Sendable, Identifiable {
    /// Server-assigned identity.
    public var id: EventID
    /// The lead it belongs to.
    public var leadID: LeadID
    /// The event type the scoring model's engagement rules match on (`page_view`, `form_submit`, …).
    public var type: String
    /// When it happened.
    public var occurredAt: Date
    /// An optional measure that comes with it (seconds on page, pages viewed, …).
    public var value: Double?
    /// The source's identity of the event, or one derived from (lead, type, time, value); the same
    /// key delivered twice is one event (scoring is idempotent, SPEC §4).
    public var dedupeKey: String

    /// 300 seconds: how far ahead of the server clock an event's time may be (clock skew between
    /// the marketing tool and the server). An event dated later is refused: it would otherwise
    /// count at full points, undecayed, until its date came (issue 15, item 5).
    public static let futureTolerance: TimeInterval = 300

    /// Why `occurredAt` is refused at `now`, or `nil` when it is within ``futureTolerance``.
    public static func futureDateProblem(_ occurredAt: Date, now: Date) -> String? {
        let ahead = occurredAt.timeIntervalSince(now)
        guard ahead > futureTolerance else { return nil }
        let minutes = Int((ahead / 60).rounded(.up))
        let when = minutes < 120 ? "\(minutes) minutes" : "\(Int((ahead / 3_600).rounded(.up))) hours"
        return
            "dated \(when) ahead of the server clock (at most \(Int(futureTolerance / 60)) minutes): an event from the future is not scored"
    }

    /// An event; the dedupe key defaults to one derived from its content.
    public init(
        id: EventID = EventID(), leadID: LeadID, type: String, occurredAt: Date, value: Double? = nil,
        dedupeKey: String? = nil
    ) {
        self.id = id
        self.leadID = leadID
        self.type = type
        self.occurredAt = occurredAt
        self.value = value
        self.dedupeKey =
            dedupeKey
            ?? "\(leadID)|\(type)|\(occurredAt.timeIntervalSince1970)|\(value.map { String($0) } ?? "")"
    }
}
