public import Foundation
public import LeadModel

/// One hand-off of a lead to a rep (route or reassign), with the score as it stood then: what the
/// quality report attributes acceptance and rejection to.
public struct HandoffRecord: Hashable, Sendable {
    /// The lead.
    public var leadID: LeadID
    /// The rep it was handed to.
    public var repID: RepID
    /// When.
    public var handedAt: Date
    /// Who handed it (`system:router`, `system:sla`, `admin:<name>`).
    public var handedBy: String
    /// The score total then, in points (`nil` when never scored).
    public var scoreTotal: Double?
    /// The fit grade then.
    public var grade: Grade?
    /// The model version of that score.
    public var modelVersion: Int?
    /// The score's contributions then (rules that gave points).
    public var contributions: [ScoreContribution]

    /// A hand-off record.
    public init(
        leadID: LeadID, repID: RepID, handedAt: Date, handedBy: String, scoreTotal: Double?, grade: Grade?,
        modelVersion: Int?, contributions: [ScoreContribution]
    ) {
        self.leadID = leadID
        self.repID = repID
        self.handedAt = handedAt
        self.handedBy = handedBy
        self.scoreTotal = scoreTotal
        self.grade = grade
        self.modelVersion = modelVersion
        self.contributions = contributions
    }
}
