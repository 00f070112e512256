public import Foundation
public import LeadModel

/// The server's authoritative store, behind one protocol so that a PostgreSQL implementation can
/// follow the embedded SQLite one (`SQLiteLeadStore`). Every method is one transaction that keeps
/// the invariants; stage changes are checked against ``StageTransitionTable`` here, whatever the
/// caller.
public protocol LeadStore: TransactionalStore {
    /// The server epoch (SPEC §5 rule 4): a random id created with the store and kept for its
    /// life, so that a sync cursor issued by another store (or before a restore from elsewhere)
    /// is recognised and answered with `resync_required`.
    var epoch: UUID { get }

    /// Runs one import as one write transaction: `body` upserts rows through the session; when it
    /// throws, nothing of the import is kept (SPEC §8: never half-written).
    /// - Parameter runID: identifies this import run; a second row with the key of a lead that this
    ///   same run already wrote is reported as ``LeadUpsertOutcome/merged(into:)``.
    /// - Throws: what `body` throws, or a database error.
    func importLeads<Result>(
        runID: ImportRunID, _ body: (any LeadImportSession) throws -> Result
    ) throws -> Result

    /// The lead with this id, or `nil`.
    func lead(id: LeadID) throws -> Lead?
    /// The lead whose dedupe key (external id, normalised email or declared key) is `key`, or `nil`.
    func lead(dedupeKey key: String) throws -> Lead?
    /// The oldest lead (smallest id) whose normalised email is `email`'s, or `nil`; for matching
    /// events to leads whose dedupe key is their external id.
    func lead(email: EmailAddress) throws -> Lead?
    /// Leads whose id starts with `prefix` (at most `limit`), for unique-prefix look-ups.
    func leads(idPrefix prefix: String, limit: Int) throws -> [Lead]
    /// Leads in `stage` (all stages when `nil`), oldest first, at most `limit` (all when `nil`).
    func leads(stage: LifecycleStage?, limit: Int?) throws -> [Lead]
    /// One page of the leads that rescoring may move (SPEC §3.1: not
    /// ``LifecycleStage/isFrozenForRescoring``), in id order, those with an id after `lastID`
    /// (from the start when `nil`), at most `limit`. Pass a page's last id to get the next page;
    /// an empty page is the end. Each page is its own read, so a scoring run never holds the
    /// whole table in memory.
    func leadsForRescoring(after lastID: LeadID?, limit: Int) throws -> [Lead]
    /// One page of all leads (every stage) in id order, those with an id after `lastID` (from the
    /// start when `nil`), at most `limit`; an empty page is the end. For reports and calibration.
    func leads(after lastID: LeadID?, limit: Int) throws -> [Lead]
    /// The number of stored leads.
    func leadCount() throws -> Int
    /// Number of leads per stage; stages with none are absent.
    func leadCountsByStage() throws -> [LifecycleStage: Int]
    /// Number of leads per source; leads without a source are counted under `nil`.
    func leadCountsBySource() throws -> [String?: Int]
    /// Number of leads with a recorded outcome, split by won.
    func outcomeCounts() throws -> (won: Int, notWon: Int)

    /// Moves a lead to another stage and records the history row, in one transaction.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)``; ``StageTransitionError`` when the
    ///   transition table does not allow the move from the lead's current stage.
    @discardableResult
    func transition(_ change: StageTransitionRequest) throws -> StageChange

    /// Checks and applies many moves, in the order given, in one transaction (as
    /// ``transition(_:)`` does each).
    /// - Returns: one stage change per move, in the order given.
    /// - Throws: the first refused move's error; nothing is kept then.
    @discardableResult
    func transition(_ changes: [StageTransitionRequest]) throws -> [StageChange]
    /// The lead's stage history, oldest first.
    func stageHistory(leadID: LeadID) throws -> [StageChange]

    /// Stores engagement events; an event whose dedupe key is already stored is skipped.
    /// - Returns: how many were new.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)`` when an event names an unknown lead (nothing stored).
    @discardableResult
    func addEvents(_ events: [EngagementEvent]) throws -> Int
    /// The lead's events, oldest first.
    func events(leadID: LeadID) throws -> [EngagementEvent]
    /// The events of several leads in one read (for a scoring batch), each lead's oldest first;
    /// leads without events are absent from the dictionary.
    func events(leadIDs: [LeadID]) throws -> [LeadID: [EngagementEvent]]

    /// Adds a rep.
    /// - Throws: ``LeadStoreError/repEmailTaken(_:)`` when another rep has that (normalised) email.
    func addRep(_ rep: Rep) throws
    /// All reps, by name.
    func reps() throws -> [Rep]
    /// The rep with this id, or `nil`.
    func rep(id: RepID) throws -> Rep?
    /// The rep with this (normalised) email, or `nil`.
    func rep(email: EmailAddress) throws -> Rep?
    /// Marks a rep inactive (idempotent).
    /// - Throws: ``LeadStoreError/repNotFound(_:)``.
    func deactivateRep(id: RepID) throws

    /// Saves a new version of the scoring model (SPEC §4); versions count up from 1 and are never
    /// changed afterwards.
    /// - Parameters:
    ///   - document: the model document (JSON or YAML) as written; stored verbatim.
    ///   - createdBy: who saved it (`admin:<name>`, …).
    ///   - note: why it changed, if said.
    ///   - date: when it was saved.
    /// - Returns: the new version number.
    func saveScoringModel(document: String, createdBy: String, note: String?, at date: Date) throws -> Int
    /// Every saved model version, oldest (version 1) first.
    func scoringModels() throws -> [StoredScoringModel]
    /// The highest saved version, or `nil` before the first model is saved.
    func currentScoringModel() throws -> StoredScoringModel?

    /// Saves scores in one transaction; each becomes its lead's current score (one score per lead
    /// and model version is kept; a newer one for the same version replaces it).
    /// - Throws: ``LeadStoreError/leadNotFound(_:)`` or ``LeadStoreError/scoringModelNotFound(_:)``
    ///   when a score names an unknown lead or model version; nothing is stored then.
    func saveScores(_ scores: [LeadScore]) throws
    /// The lead's current score (the one saved last), with its contributions, or `nil` when never
    /// scored.
    func currentScore(leadID: LeadID) throws -> LeadScore?
    /// The current scores of several leads in one read; leads never scored are absent.
    func currentScores(leadIDs: [LeadID]) throws -> [LeadID: LeadScore]
    /// Saves one page of a scoring run in one transaction (issue 3: thousands of leads per run, not
    /// one transaction each): the scores as ``saveScores(_:)`` does, then the stage moves scoring
    /// decided, each checked against ``StageTransitionTable`` from the lead's stage at that moment.
    /// A move the table refuses (say the lead was handed to sales after the page was read) is
    /// skipped, not an error; the lead's score is still saved.
    /// - Returns: the moves applied, in request order.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)`` or ``LeadStoreError/scoringModelNotFound(_:)``;
    ///   nothing of the page is stored then.
    func saveScoringPage(scores: [LeadScore], moves: [StageTransitionRequest]) throws -> [StageChange]
}
