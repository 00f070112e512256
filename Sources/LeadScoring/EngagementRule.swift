/// An engagement rule: "what the lead did" → points per matching event, with an optional value
/// condition, a per-rule cap and a half-life decay (SPEC §4). In the document:
///
/// ```yaml
/// - id: pricing-visit
///   label: Looked at the pricing page
///   eventType: pricing_page_visit
///   minValue: 30          # seconds on page, inclusive
///   points: 10            # per event
///   cap: 30               # this rule never gives more than 30 points (or less than -30)
///   halfLifeDays: 7       # a 7-day-old event counts half, a 14-day-old one a quarter
/// ```
public struct EngagementRule: Hashable, Codable, Sendable {
    /// Unique within the model (fit and engagement rules share one id space).
    public var id: String
    /// What the rep reads in the score's explanation.
    public var label: String
    /// The `EngagementEvent.type` this rule counts.
    public var eventType: String
    /// The event's `value` must be at least this (inclusive); an event without a value fails.
    public var minValue: Double?
    /// The event's `value` must be below this (exclusive); an event without a value fails.
    public var maxValue: Double?
    /// Events older than this many days (at scoring time) are ignored; `nil`: no limit.
    public var maxAgeDays: Double?
    /// Points per matching event before decay; may be negative (an unsubscribe).
    public var points: Double
    /// The most this rule adds in absolute points after decay (`-cap…cap`); `nil`: no cap.
    public var cap: Double?
    /// Days after which an event counts half: weight `0.5^(ageDays / halfLifeDays)`; `nil`: no
    /// decay. Events dated after the scoring instant count at full weight (age 0).
    public var halfLifeDays: Double?

    /// An engagement rule.
    public init(
        id: String, label: String, eventType: String, minValue: Double? = nil, maxValue: Double? = nil,
        maxAgeDays: Double? = nil, points: Double, cap: Double? = nil, halfLifeDays: Double? = nil
    ) {
        self.id = id
        self.label = label
        self.eventType = eventType
        self.minValue = minValue
        self.maxValue = maxValue
        self.maxAgeDays = maxAgeDays
        self.points = points
        self.cap = cap
        self.halfLifeDays = halfLifeDays
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, label, eventType, minValue, maxValue, maxAgeDays, points, cap, halfLifeDays
    }

    /// Reads the document shape.
    /// - Throws: `ScoringModelError` (`.unknownKey`) for a key not listed above; `DecodingError`
    ///   for a missing id, label, eventType or points, or a wrong type.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decode(String.self, forKey: .label)
        eventType = try container.decode(String.self, forKey: .eventType)
        minValue = try container.decodeIfPresent(Double.self, forKey: .minValue)
        maxValue = try container.decodeIfPresent(Double.self, forKey: .maxValue)
        maxAgeDays = try container.decodeIfPresent(Double.self, forKey: .maxAgeDays)
        points = try container.decode(Double.self, forKey: .points)
        cap = try container.decodeIfPresent(Double.self, forKey: .cap)
        halfLifeDays = try container.decodeIfPresent(Double.self, forKey: .halfLifeDays)
    }
}
