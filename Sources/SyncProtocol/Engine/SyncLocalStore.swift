public import Foundation

/// The sync engine's port to the device's local store (implemented over SQLite by `LocalStore`,
/// by an in-memory fake in tests).
///
/// Every method is one transaction: after it returns, its effect is durable, and when it throws,
/// nothing of it was kept. The engine relies on that for resuming an interrupted sync (SPEC §5
/// rule 3) and for never losing an outbox row.
public protocol SyncLocalStore: Sendable {
    /// The cursor of the last committed page, or `nil` before the first page (or after a reset).
    func cursor() async throws -> SyncCursor?

    /// The outbox rows not yet answered for good (state queued or sent), oldest first, whose
    /// ``Mutation/mutationID`` is at most `upTo`, at most `limit` of them.
    func unsentMutations(upTo lastID: Int64, limit: Int) async throws -> [Mutation]

    /// The largest mutation id queued so far (0 when none): the engine pushes up to this id only,
    /// so a mutation queued while a sync runs waits for the next sync (case S6).
    func lastQueuedMutationID() async throws -> Int64

    /// Marks mutations as sent: handed to the transport, not yet acknowledged. A sent mutation is
    /// still unsent for ``unsentMutations(upTo:limit:)`` and is sent again by the next sync.
    func markSent(_ mutationIDs: [Int64], at date: Date) async throws

    /// Records the server's answers: `applied` and `duplicate` mark the mutation applied,
    /// `rejected(code)` marks it refused with the code (for every code but `gap`, which leaves
    /// it unsent). Only called with answers the server sent.
    func recordResults(_ results: [PushResult], at date: Date) async throws

    /// The limits the server stated on the last page that stated them (``PullPage/limits``,
    /// kept with the page), or `nil`: the engine sizes its pushes by them.
    func serverLimits() async throws -> SyncLimits?

    /// The largest mutation id the server answered for good (applied, duplicate or refused), as
    /// the outbox records it; `nil` when none. Sent with every push
    /// (``PushRequest/acknowledgedThrough``) so that a server restored from a backup says so.
    func acknowledgedThrough() async throws -> Int64?

    /// Puts every answered mutation with an id above `lastApplied` back in the queue (state
    /// queued, its answer forgotten): the server was restored and no longer has them.
    /// - Returns: how many were put back.
    func requeueAnswered(after lastApplied: Int64) async throws -> Int

    /// Gives new ids, in order and without a hole, from just above `serverLastApplied` and every
    /// id kept, to the unsent mutations and to those refused `conflict` with an id at or below
    /// `conflictsThrough`: the device was restored from an earlier copy and numbered new
    /// mutations with ids the server had already used, or the server was restored and the ids
    /// to send again must follow its last. The next mutation id follows the last of them.
    /// - Returns: each renumbered mutation's old and new id, in order.
    func renumberUnsent(conflictsThrough: Int64, serverLastApplied: Int64) async throws -> [(old: Int64, new: Int64)]

    /// Applies one pull page in one transaction: upserts replace leads by id, removals delete them
    /// (keeping the removal and its reason for display), and the page's cursor is stored with them.
    func apply(_ page: PullPage) async throws

    /// The digest (count and hash, see ``ScopeDigest``) of the local copy of the rep's scope.
    func localDigest() async throws -> ScopeDigest

    /// Drops the local copy of the scope and the cursor, keeping the outbox (a resync or a repair).
    func resetReplica() async throws

    /// Records a completed sync: its time and the verified digest of the scope.
    func recordSyncCompleted(at date: Date, digest: ScopeDigest, limits: SyncLimits?) async throws
}
