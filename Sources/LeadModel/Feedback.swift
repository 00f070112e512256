public import Foundation

/// A rep's verdict on a lead (SPEC §3), as recorded.
public struct Feedback: Hashable, Codable, Sendable {
    /// The lead the verdict is about.
    public var leadID: LeadID
    /// The rep who gave it.
    public var repID: RepID
    /// What the rep decided.
    public var verdict: Verdict
    /// When the rep gave it (device time, informational only: ordering comes from the server).
    public var givenAt: Date

    /// A recorded verdict.
    public init(leadID: LeadID, repID: RepID, verdict: Verdict, givenAt: Date) {
        self.leadID = leadID
        self.repID = repID
        self.verdict = verdict
        self.givenAt = givenAt
    }
}
