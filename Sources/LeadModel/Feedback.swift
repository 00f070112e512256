public import Foundation

/// A rep's verdict on a lead (SPEC §3), as recorded.
public struct Feedback: Hashable, Codable, Sendable {
    public var leadID: LeadID
    public var repID: RepID
    public var verdict: Verdict
    /// When the rep gave it (device time, informational only: ordering comes from the server).
    public var givenAt: Date

    public init(leadID: LeadID, repID: RepID, verdict: Verdict, givenAt: Date) {
        self.leadID = leadID
        self.repID = repID
        self.verdict = verdict
        self.givenAt = givenAt
    }
}
