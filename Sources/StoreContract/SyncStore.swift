public import Foundation
public import LeadModel
public import SyncProtocol

/// The sync half of the server's store (SPEC §5, issue 4): lead ownership, the change log that
/// pulls read, mutations that pushes apply, device tokens. A protocol of its own beside
/// ``LeadStore`` so that the PostgreSQL implementation can follow; every method is one
/// transaction.
public protocol SyncStore: TransactionalStore {
    /// The server epoch that sync cursors carry.
    var epoch: UUID { get }

    /// Hands a lead to a rep: `mql` → `assigned` (trigger `route`), or `assigned` → `assigned` to
    /// another rep (trigger `reassign`). Records the stage history row, sets the owner, and
    /// writes the change log: an upsert for the new owner, a removal `reassigned` for the old.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)``, ``LeadStoreError/repNotFound(_:)``,
    ///   ``LeadStoreError/repInactive(_:)``; ``StageTransitionError`` when the lead's stage allows
    ///   neither move (an `accepted` lead is not reassigned).
    @discardableResult
    func assign(leadID: LeadID, to repID: RepID, actor: String, at date: Date) throws -> LeadAssignmentChange

    /// Hands many leads to their reps in one write transaction, each as
    /// ``assign(leadID:to:actor:at:)`` does, in the order given (a lead named twice is handed on
    /// from where the first hand-off left it); each rep is checked before its first lead. Routing
    /// and SLA rounds hand over a whole run in one call, so a store can write it set-based.
    /// - Returns: one change per request, in the order given.
    /// - Throws: the first failing request's error (as the single assign); nothing is kept then.
    @discardableResult
    func assign(_ handoffs: [LeadHandoffRequest], actor: String, at date: Date) throws -> [LeadAssignmentChange]

    /// The rep who owns the lead now (it is `assigned` or `accepted`), or `nil`.
    func owner(of leadID: LeadID) throws -> RepID?
    /// Takes the lead out of its rep's scope (owner row removed, a removal `reassigned` logged)
    /// without handing it on; its stage stays. Returns the previous owner, or `nil`.
    @discardableResult
    func releaseLead(_ leadID: LeadID, at date: Date) throws -> RepID?
    /// Leads in `assigned` or `accepted` that no rep owns (released, waiting for routing).
    func unownedHandedLeads() throws -> [Lead]

    /// One page of the rep's change log after `sequence` (from the start when 0), at most `limit`
    /// rows, collapsed to one entry per lead; upserts carry the lead's current fields, score, top
    /// contributions and notes. Read in one snapshot, so rows, cursor and digest agree.
    /// - Parameter includeRemovals: `false` on a first sync (the device holds nothing to remove).
    /// - Throws: ``SyncError/resyncRequired`` when removals after `sequence` were pruned for this
    ///   rep, or `sequence` is beyond the end of the log (a cursor from a restored copy).
    func changes(repID: RepID, after sequence: Int64, limit: Int, includeRemovals: Bool) throws -> PullPage

    /// Where the change log stands now for the rep: a page built after reading a mark equal to
    /// the one read when it is served is the page a read then would build.
    /// - Throws: a database error.
    func changeLogMark(repID: RepID) throws -> ChangeLogMark

    /// The rep's scope digest now (after their latest change-log row).
    func scopeDigest(repID: RepID) throws -> ScopeDigest

    /// Applies pushes in order in one write transaction (group commit), each push in a savepoint
    /// of its own (SPEC §5 rule 5): binds an unknown client id to the rep; answers each mutation
    /// in order (`duplicate` / `conflict` for ids at or below the client's last applied id, `gap`
    /// for an id that is not the next, else the re-validated effect: `applied` or a permanent
    /// rejection); stores the last applied id and the payload hashes with the effects. A push
    /// sees the effects of the pushes before it. One rep's pushes keep their order; a store may
    /// apply different reps' pushes in another order (PostgreSQL does, to take the reps' locks in
    /// one order): they arrived at once, with no order between them, and only a lead's owner's
    /// mutations apply to it. One commit for the group: a push is durable, and may be
    /// acknowledged, once this returns.
    /// - Returns: one result per push, in order: its mutations' results, or the failure that
    ///   left that push without any effect: ``SyncError/forbidden`` when the client id is bound
    ///   to another rep, ``LeadStoreError/repNotFound(_:)`` when the rep does not exist.
    /// - Throws: a database error; nothing of any push in the group is applied then.
    func applyPushes(_ pushes: [PendingPush], at date: Date) throws -> [Result<PushAnswer, any Error>]

    /// How many ``applyPushes(_:at:)`` groups may run at once in one process: 1 for a store with
    /// a single writer (SQLite), more for one whose writers wait only on the rows and scopes they
    /// share (PostgreSQL).
    var concurrentPushGroups: Int { get }

    /// Deletes removals older than `cutoff` (with the rows of the same lead before them) and
    /// raises each affected rep's horizon, so that an older cursor gets `resync_required`. A
    /// rep's latest row is kept, since it carries the rep's current digest.
    /// - Returns: how many change-log rows were deleted.
    func pruneRemovals(olderThan cutoff: Date) throws -> Int

    /// The rep's notes on a lead, oldest first.
    func notes(leadID: LeadID) throws -> [SyncedNote]

    /// When a recycled lead may go back to nurturing, if it was recycled by a reject.
    func coolDownEnd(leadID: LeadID) throws -> Date?

    /// Moves every `recycled` lead whose cool-down ended by `date` back to `nurturing` (trigger
    /// `cool_down_ended`, with the history row), in one write transaction.
    /// - Returns: the leads moved, in id order.
    func endCoolDowns(dueBy date: Date, actor: String) throws -> [LeadID]

    /// Stores a new device token's SHA-256 (64 lower-case hex digits) for a rep.
    /// - Throws: ``LeadStoreError/repNotFound(_:)``.
    func saveDeviceToken(hash: String, repID: RepID, at date: Date) throws
    /// The token stored under this hash, revoked or not, or `nil`.
    func deviceToken(hash: String) throws -> DeviceTokenRecord?
    /// Marks the token revoked (idempotent). - Returns: whether a live token was revoked.
    @discardableResult
    func revokeDeviceToken(hash: String, at date: Date) throws -> Bool
    /// Revokes every live token of the rep. - Returns: how many were revoked.
    @discardableResult
    func revokeDeviceTokens(repID: RepID, at date: Date) throws -> Int
}
