/// The median time leads spent in a stage, from the stage history (completed stays only).
public struct StageDuration: Hashable, Codable, Sendable {
    /// The stage's code.
    public var stage: String
    /// The median stay, in hours; `nil` when no lead has left the stage yet.
    public var medianHours: Double?
    /// How many completed stays were measured.
    public var stays: Int

    /// A duration row.
    public init(stage: String, medianHours: Double?, stays: Int) {
        self.stage = stage
        self.medianHours = medianHours
        self.stays = stays
    }
}
