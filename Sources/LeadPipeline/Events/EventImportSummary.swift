import LeadModel

/// What one events import did (issue 3 item 4): rows read, events stored, duplicates skipped,
/// rows rejected (with row, column and reason: an unknown lead is a row problem), the leads
/// touched and the rescoring of those leads.
public struct EventImportSummary: Hashable, Codable, Sendable {
    /// The file imported, as given.
    public var file: String
    /// Data rows read (the header is not counted).
    public var rowsRead: Int
    /// Events stored for the first time.
    public var added: Int
    /// Good rows whose event was already stored, or repeated earlier in the file: counted once.
    public var duplicates: Int
    /// Rows not imported, each with its row number (header = row 1), column and reason.
    public var rejected: [RejectedRow]
    /// Rows refused because their event is dated more than `EngagementEvent.futureTolerance`
    /// ahead of the clock (also listed in ``rejected``).
    public var futureDated: Int
    /// The distinct leads the file's good rows name.
    public var leadsTouched: Int
    /// The rescoring of the touched leads, or `nil` when no scoring model is set.
    public var scoring: ScoringRunSummary?
    /// Wall time of the import (rescoring included), in seconds.
    public var durationSeconds: Double

    /// An empty summary for `file`.
    public init(file: String) {
        self.file = file
        rowsRead = 0
        added = 0
        duplicates = 0
        rejected = []
        futureDated = 0
        leadsTouched = 0
        scoring = nil
        durationSeconds = 0
    }
}
