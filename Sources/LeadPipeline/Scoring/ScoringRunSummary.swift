/// What one scoring run did (issue 3: `model set` and `score` print it).
public struct ScoringRunSummary: Hashable, Codable, Sendable {
    /// The model version every score of the run records.
    public var modelVersion: Int
    /// Leads scored (every lead not with sales, or the touched ones).
    public var scored: Int
    /// Leads moved to `mql` (from `new` or `nurturing`).
    public var movedToMQL: Int
    /// Leads moved to `nurturing` (from `new` or `mql`).
    public var movedToNurturing: Int
    /// Leads scored whose stage stayed as it was.
    public var unchanged: Int
    /// Scored leads that meet the qualification definition.
    public var qualified: Int
    /// Qualifying leads kept out of `mql` by the re-entry gate (rejected before and still cooling
    /// down or without new engagement, or merged as a duplicate).
    public var heldByReentryGate: Int
    /// Wall time of the run, in seconds.
    public var durationSeconds: Double

    /// An empty summary for `modelVersion`.
    public init(modelVersion: Int) {
        self.modelVersion = modelVersion
        scored = 0
        movedToMQL = 0
        movedToNurturing = 0
        unchanged = 0
        qualified = 0
        heldByReentryGate = 0
        durationSeconds = 0
    }

    /// Leads scored per second of the run (0 for an instant run).
    public var leadsPerSecond: Double { durationSeconds > 0 ? Double(scored) / durationSeconds : 0 }
}
