public import Foundation
public import LeadModel

/// Whether a lead may become `mql` again (the re-entry gate of issue 6 item 3).
public enum ReentryDecision: Hashable, Sendable {
    /// Never rejected: the gate does not apply.
    case notRejected
    /// Merged into another lead as a duplicate: it never re-qualifies on its own.
    case merged(into: LeadID)
    /// Rejected, and the cool-down has not ended; the date it ends.
    case coolingDown(until: Date)
    /// The cool-down has ended but the score has not risen enough: `required` points are needed,
    /// the lead has `current` (`nil`: not scored).
    case needsEngagement(required: Double, current: Double?)
    /// Rejected before, cool-down over, and the score rose by the margin: may re-qualify.
    case allowed

    /// Whether the lead may move to `mql`.
    public var allowsRequalification: Bool {
        switch self {
        case .notRejected, .allowed: return true
        case .merged, .coolingDown, .needsEngagement: return false
        }
    }
}
