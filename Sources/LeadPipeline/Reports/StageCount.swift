/// How many leads stand in a stage now.
public struct StageCount: Hashable, Codable, Sendable {
    /// The stage's code (`new`, `mql`, …).
    public var stage: String
    /// Leads in it.
    public var count: Int

    /// A count.
    public init(stage: String, count: Int) {
        self.stage = stage
        self.count = count
    }
}
