/// How many handed leads were rejected with one reason.
public struct ReasonCount: Hashable, Codable, Sendable {
    /// The reason code.
    public var reason: String
    /// Rejections with it.
    public var count: Int

    /// A count.
    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }
}
