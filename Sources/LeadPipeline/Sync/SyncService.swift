public import Foundation
public import LeadModel
public import StoreContract
public import SyncProtocol

/// A rep's pull and push (SPEC §5, issue 4 items 5–7), transport-neutral: the HTTP layer
/// authenticates the device token to a ``RepID`` (``DeviceTokens/verify(_:)``), then calls these
/// and maps ``SyncError`` to problem+json by its ``SyncError/code``.
public struct SyncService: Sendable {
    /// How long removals are kept by default: 30 days, in seconds.
    public static let defaultRemovalRetention: TimeInterval = 30 * 86_400

    private let store: any SyncStore
    private let now: @Sendable () -> Date
    /// How long removals are kept, in seconds; a cursor from before a pruned removal gets
    /// `resync_required`.
    public let removalRetention: TimeInterval
    /// The limits stated on every page (``PullPage/limits``).
    public let limits: SyncLimits

    /// A sync service over a store.
    /// - Parameters:
    ///   - removalRetention: seconds removals are kept (default 30 days).
    ///   - limits: the limits the server states to devices (the HTTP body limit among them).
    ///   - now: the server clock (stamps only: ordering comes from the change-log sequence).
    public init(
        store: any SyncStore, removalRetention: TimeInterval = Self.defaultRemovalRetention,
        limits: SyncLimits = .contractDefaults, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.removalRetention = removalRetention
        self.limits = limits
        self.now = now
    }

    /// One page of changes to the rep's scope after the request's cursor.
    /// - Throws: ``SyncError/unsupportedProtocolVersion(_:)``; ``SyncError/invalidRequest(_:)``
    ///   for a limit outside 1…``PullRequest/maximumLimit``; ``SyncError/resyncRequired`` for a
    ///   cursor of another epoch, below the rep's prune horizon, or past the end of the log; a
    ///   database error.
    public func pull(repID: RepID, _ request: PullRequest) throws -> PullPage {
        try Self.checkVersion(request.protocolVersion)
        let limit = request.effectiveLimit
        guard (1...PullRequest.maximumLimit).contains(limit) else {
            throw SyncError.invalidRequest("limit must be between 1 and \(PullRequest.maximumLimit), got \(limit)")
        }
        if let cursor = request.cursor, cursor.epoch != store.epoch { throw SyncError.resyncRequired }
        var page = try store.changes(
            repID: repID, after: request.cursor?.sequence ?? 0, limit: limit, includeRemovals: request.cursor != nil)
        page.repID = repID
        page.limits = limits
        return page
    }

    /// Applies the rep's mutations in order and answers each (SPEC §5 rule 5), in a write
    /// transaction of its own: ``checkedPush(repID:_:)`` then ``applyPushes(_:)`` with a group
    /// of one.
    /// - Returns: one result per mutation, in the request's order.
    /// - Throws: what ``checkedPush(repID:_:)`` throws; ``SyncError/forbidden`` when the client id
    ///   is bound to another rep; a database error (nothing applied).
    public func push(repID: RepID, _ request: PushRequest) throws -> [PushResult] {
        try answerPush(repID: repID, request).results
    }

    /// Applies the rep's mutations as ``push(repID:_:)`` does and answers with the client's last
    /// applied id before the push too (``PushAnswer``), as the HTTP endpoint does.
    /// - Throws: as ``push(repID:_:)``.
    public func answerPush(repID: RepID, _ request: PushRequest) throws -> PushAnswer {
        try applyPushes([checkedPush(repID: repID, request)])[0].get()
    }

    /// Checks a push request before it waits for the store's writer.
    /// - Returns: the push to hand to ``applyPushes(_:)``.
    /// - Throws: ``SyncError/unsupportedProtocolVersion(_:)``; ``SyncError/invalidRequest(_:)``
    ///   for an empty or over-long client id (more than 200 characters) or one with a control
    ///   character (U+0000–U+001F, U+007F–U+009F), more than
    ///   ``PushRequest/maximumMutations`` mutations, a mutation of another client id, an id
    ///   below 1, or a NUL (U+0000) in a mutation's texts (``MutationIntent/textFields``).
    public func checkedPush(repID: RepID, _ request: PushRequest) throws -> PendingPush {
        try Self.checkVersion(request.protocolVersion)
        let clientID = request.clientID
        guard !clientID.isEmpty, clientID.count <= 200 else {
            throw SyncError.invalidRequest("clientID must be 1 to 200 characters")
        }
        // A control character (NUL above all: SQLite ends bound text there) is no device's id.
        guard !clientID.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw SyncError.invalidRequest("clientID must not contain control characters")
        }
        guard request.mutations.count <= PushRequest.maximumMutations else {
            throw SyncError.invalidRequest(
                "at most \(PushRequest.maximumMutations) mutations per push, got \(request.mutations.count)")
        }
        for (index, mutation) in request.mutations.enumerated() {
            guard mutation.clientID == clientID else {
                throw SyncError.invalidRequest("mutations[\(index)].clientID differs from the request's clientID")
            }
            guard mutation.mutationID >= 1 else {
                throw SyncError.invalidRequest("mutations[\(index)].mutationID must be at least 1")
            }
            // SQLite ends bound text at NUL: a note or field holding one would be cut short.
            guard !mutation.intent.textFields.contains(where: { $0?.unicodeScalars.contains("\0") == true }) else {
                throw SyncError.invalidRequest("mutations[\(index)].intent must not contain NUL (U+0000) in its texts")
            }
        }
        return PendingPush(
            repID: repID, clientID: clientID, mutations: request.mutations,
            acknowledgedThrough: request.acknowledgedThrough)
    }

    /// Applies checked pushes in order in one write transaction with one commit (group commit,
    /// ``SyncStore/applyPushes(_:at:)``), stamped with the server clock's time now. A push with
    /// no mutations answers nothing and touches nothing (its client id is not bound).
    /// - Returns: one result per push, in order: its results, or the error that left it without
    ///   effect (``SyncError/forbidden``, ``LeadStoreError/repNotFound(_:)``).
    /// - Throws: a database error; no push of the group is applied then.
    public func applyPushes(_ pushes: [PendingPush]) throws -> [Result<PushAnswer, any Error>] {
        let nonEmpty = pushes.filter { !$0.mutations.isEmpty }
        let empty = PushAnswer(results: [], lastAppliedBefore: nil)
        guard !nonEmpty.isEmpty else { return pushes.map { _ in .success(empty) } }
        var applied = try store.applyPushes(nonEmpty, at: now()).makeIterator()
        return pushes.map { $0.mutations.isEmpty ? .success(empty) : applied.next()! }
    }

    /// Deletes the removals older than ``removalRetention`` (for a periodic job).
    /// - Returns: how many change-log rows were deleted.
    @discardableResult
    public func pruneExpiredRemovals() throws -> Int {
        try store.pruneRemovals(olderThan: now() - removalRetention)
    }

    private static func checkVersion(_ version: SyncProtocolVersion) throws {
        guard version.isSupported else { throw SyncError.unsupportedProtocolVersion(version.rawValue) }
    }
}
