import LeadModel

/// How many handed leads were rejected with one reason.
public struct ReasonCount: Hashable, Codable, Sendable {
    /// The reason code.
    public var reason: String
    /// What the code means, in plain English (the reason-code table, SPEC §3.2).
    public var label: String
    /// Rejections with it.
    public var count: Int

    /// A count; the label is looked up in `ReasonCode.table` (the code itself when unknown).
    public init(reason: String, count: Int) {
        self.reason = reason
        self.label = ReasonCode(rawValue: reason).map { $0.entry.meaning } ?? reason
        self.count = count
    }
}
