public import Foundation

/// `report funnel` (issue 6 item 4): where leads stand, how they convert MQL → accepted →
/// converted overall and by source, and how long they stay in each stage. Leads rejected as
/// `spam` are left out (SPEC §3.2).
public struct FunnelReport: Hashable, Codable, Sendable {
    /// When the report was made.
    public var generatedAt: Date
    /// Only leads with a stage change at or after this instant, when given.
    public var since: Date?
    /// Leads in the report.
    public var leads: Int
    /// Leads per stage now, in funnel order (every stage listed).
    public var stages: [StageCount]
    /// The funnel over all leads in the report.
    public var conversion: FunnelConversion
    /// The funnel per source (leads without a source under `(none)`), most MQLs first.
    public var bySource: [FunnelConversion]
    /// Median hours in each stage, in funnel order.
    public var timeInStage: [StageDuration]
    /// Leads waiting in the overflow queue (no rep could take them).
    public var overflow: Int

    /// A funnel report.
    public init(
        generatedAt: Date, since: Date?, leads: Int, stages: [StageCount], conversion: FunnelConversion,
        bySource: [FunnelConversion], timeInStage: [StageDuration], overflow: Int
    ) {
        self.generatedAt = generatedAt
        self.since = since
        self.leads = leads
        self.stages = stages
        self.conversion = conversion
        self.bySource = bySource
        self.timeInStage = timeInStage
        self.overflow = overflow
    }
}
