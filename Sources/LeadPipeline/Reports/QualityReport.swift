public import Foundation

/// `report quality` (issue 6 item 4): the feedback loop. Acceptance of the leads marketing handed
/// to sales, overall and by source, score band, grade and each scoring rule that contributed to
/// the score at hand-off; rejection reasons; SLA compliance and accepted share per rep. Leads
/// rejected as `spam` are left out (SPEC §3.2).
public struct QualityReport: Hashable, Codable, Sendable {
    /// When the report was made.
    public var generatedAt: Date
    /// Only leads with a stage change at or after this instant, when given.
    public var since: Date?
    /// The follow-up SLA the compliance figures use, in hours.
    public var slaHours: Double
    /// All handed leads.
    public var overall: AcceptanceRow
    /// Handed leads that became opportunities.
    public var converted: Int
    /// By source, most handed first.
    public var bySource: [AcceptanceRow]
    /// By 10-point band of the score total at hand-off, low to high, `unscored` last.
    public var byScoreBand: [AcceptanceRow]
    /// By fit grade at hand-off, A first.
    public var byGrade: [AcceptanceRow]
    /// By each rule that contributed points to the score at hand-off, most handed first.
    public var byRule: [AcceptanceRow]
    /// Rejection reasons by count, most first (spam left out).
    public var rejectionReasons: [ReasonCount]
    /// Per rep, by email.
    public var reps: [RepQuality]
    /// Leads waiting in the overflow queue.
    public var overflow: Int

    /// A quality report.
    public init(
        generatedAt: Date, since: Date?, slaHours: Double, overall: AcceptanceRow, converted: Int,
        bySource: [AcceptanceRow], byScoreBand: [AcceptanceRow], byGrade: [AcceptanceRow], byRule: [AcceptanceRow],
        rejectionReasons: [ReasonCount], reps: [RepQuality], overflow: Int
    ) {
        self.generatedAt = generatedAt
        self.since = since
        self.slaHours = slaHours
        self.overall = overall
        self.converted = converted
        self.bySource = bySource
        self.byScoreBand = byScoreBand
        self.byGrade = byGrade
        self.byRule = byRule
        self.rejectionReasons = rejectionReasons
        self.reps = reps
        self.overflow = overflow
    }
}
