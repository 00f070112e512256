public import Foundation
public import LeadModel

/// The hand-off half of the server's store (issue 6): what the router, the follow-up SLA, the
/// recycler and the reports read and write beside ``LeadStore`` and ``SyncStore``. A protocol of
/// its own so that the PostgreSQL implementation can follow; every method is one transaction.
///
/// Two facts are captured by the schema itself, whatever entry point moves the lead: each
/// hand-off to a rep (with the lead's current score, grade and contributions at that moment) and
/// the score a lead had when it was rejected (the base of the re-entry margin).
public protocol HandoffStore: Sendable {
    /// Open leads (`assigned` + `accepted`) per rep; reps with none are absent.
    func openLeadCounts() throws -> [RepID: Int]
    /// The smooth weighted round robin's credit per rep as the last routing run left it (empty
    /// before the first): routing continues from it, so that over many runs every rep gets an even
    /// share of the leads and of the best-scored ones.
    func roundRobinCredits() throws -> [RepID: Int]
    /// Replaces the stored round-robin credits.
    func saveRoundRobinCredits(_ credits: [RepID: Int]) throws
    /// Every lead in a rep's scope now, with its owner, stage and when it was handed over.
    func openAssignments() throws -> [OpenAssignment]
    /// For each `mql` lead with an email, the earliest other lead (by creation date, then id)
    /// with the same normalised email, if any: the lead it duplicates.
    func duplicateOriginals() throws -> [LeadID: LeadID]
    /// The earliest other lead (by creation date, then id) with the same normalised email as
    /// `leadID`, or `nil`: the lead a `duplicate` is merged into.
    func earliestLead(withEmailOf leadID: LeadID) throws -> LeadID?
    /// Records that `leadID` was merged into `originalID` (replacing an earlier record).
    func recordMerge(leadID: LeadID, into originalID: LeadID, at date: Date) throws
    /// The lead `leadID` was merged into, or `nil`.
    func mergeTarget(of leadID: LeadID) throws -> LeadID?
    /// Replaces the overflow queue: exactly `entries` wait in it afterwards; a lead already
    /// waiting keeps its original `since`.
    func replaceOverflow(_ entries: [OverflowEntry]) throws
    /// The leads waiting in the overflow queue, oldest first.
    func overflow() throws -> [OverflowEntry]
    /// Records a follow-up SLA breach (idempotent per lead, rep and hand-off instant).
    /// - Returns: whether it was new.
    @discardableResult
    func recordBreach(_ breach: SLABreach) throws -> Bool
    /// Every recorded breach, oldest first.
    func breaches() throws -> [SLABreach]
    /// The lead's latest reject (reason, when, score at that moment), or `nil`.
    func rejection(leadID: LeadID) throws -> RecordedRejection?
    /// The latest rejects of several leads in one read (for a scoring page); leads never
    /// rejected are absent.
    func rejections(leadIDs: [LeadID]) throws -> [LeadID: RecordedRejection]
    /// The merge targets of several leads in one read; leads never merged are absent.
    func mergeTargets(leadIDs: [LeadID]) throws -> [LeadID: LeadID]
    /// Records what a terminal reason's disposition did beyond the stage move
    /// (`duplicate` → the merge target, `existing_customer` → the account owner).
    func recordFollowUp(_ followUp: DispositionFollowUp) throws
    /// The recorded follow-up of a lead's reject, or `nil`.
    func followUp(leadID: LeadID) throws -> DispositionFollowUp?
    /// Disqualified leads whose latest reject has a reason with a follow-up (`duplicate`,
    /// `existing_customer`) and no follow-up recorded yet.
    func rejectionsAwaitingFollowUp() throws -> [RecordedRejection]
    /// Every hand-off (route or reassign) with the score snapshot taken at that moment, oldest first.
    func handoffs() throws -> [HandoffRecord]
    /// Every stage-history row at or after `since` (all when `nil`), by lead then order of writing.
    func stageChanges(since: Date?) throws -> [StageChange]
    /// The rep who converted (or accepted) another lead whose company or email domain matches
    /// this lead's, most recent first: the account owner for `existing_customer`.
    func accountOwner(of leadID: LeadID) throws -> RepID?
}
