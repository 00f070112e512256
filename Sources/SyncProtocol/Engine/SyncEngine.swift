public import Foundation

/// The device side of sync (SPEC §5): pushes the outbox in order, then pulls pages until the
/// server has no more, verifies the local copy against the server's scope digest and repairs a
/// mismatch. Written against two ports, ``SyncTransport`` and ``SyncLocalStore``, so it runs
/// the same over HTTP and SQLite as over in-memory fakes in tests.
///
/// Rules it keeps:
/// - a failed or refused push never stops the pull: the failure is kept in
///   ``SyncSummary/pushFailure`` and the unsent mutations wait for the next sync (SPEC §5 rule 11);
///   only a refusal that the pull would meet too (`unauthorized`, `unsupported_protocol_version`),
///   a local store failure or a cancellation ends the sync there;
/// - a mutation is marked done only when the server answered it (`applied`, `duplicate`,
///   `rejected(code)`); a failed push leaves it unsent for the next sync;
/// - pushes are split so that no request body exceeds the budget of the limits the server stated
///   (``SyncLimits/pushBodyBudget``, three quarters of its body limit; the contract's 4 MiB before
///   any page stated them), whatever the notes hold;
/// - the push covers the outbox as it was when the sync started: a mutation queued meanwhile
///   waits for the next sync (case S6);
/// - each page's rows and cursor are committed together by the store, so an interrupted sync
///   resumes from the last committed page (case S4);
/// - `resync_required` drops the copy (never the outbox) and pulls from no cursor, once per sync;
/// - a digest mismatch after the last page, or a page the store refuses for a lead
///   (``LeadNotStorable``), drops the copy and pulls it whole, once per sync (a page refused again
///   fails the sync naming the lead); any other store failure ends the sync with the copy kept;
/// - transient failures (``SyncTransportError/unavailable(_:)`` and errors other than
///   ``SyncError``) are retried per ``retryPolicy`` with capped exponential backoff and jitter.
public struct SyncEngine: Sendable {
    /// The port to the server.
    public let transport: any SyncTransport
    /// The port to the local store.
    public let store: any SyncLocalStore
    /// The page size asked for, 1…``PullRequest/maximumLimit`` changes.
    public var pageLimit: Int
    /// How transient failures are retried.
    public var retryPolicy: RetryPolicy
    /// Waits the given number of seconds (`Task.sleep` by default; instant in tests).
    public var sleep: @Sendable (Double) async throws -> Void
    /// Draws the jitter fraction in 0…1 (uniform random by default; fixed in tests).
    public var jitter: @Sendable () -> Double
    /// The clock for sent and sync times.
    public var now: @Sendable () -> Date

    /// An engine over a transport and a store.
    public init(
        transport: any SyncTransport, store: any SyncLocalStore, pageLimit: Int = PullRequest.defaultLimit,
        retryPolicy: RetryPolicy = RetryPolicy(),
        sleep: @escaping @Sendable (Double) async throws -> Void = { seconds in
            try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
        },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.transport = transport
        self.store = store
        self.pageLimit = min(max(1, pageLimit), PullRequest.maximumLimit)
        self.retryPolicy = retryPolicy
        self.sleep = sleep
        self.jitter = jitter
        self.now = now
    }

    /// Runs one sync: push, pull, verify.
    /// - Parameter progress: called after each push batch and each committed page.
    /// - Returns: what the sync did.
    /// - Throws: ``SyncFailure`` when the server refused, stayed unavailable, answered something
    ///   unreadable, or the store failed; `CancellationError` when the task was cancelled.
    ///   Everything committed before the failure is kept.
    public func sync(progress: @Sendable (SyncProgress) -> Void = { _ in }) async throws -> SyncSummary {
        var summary = SyncSummary()
        var lastID = try await local { try await store.lastQueuedMutationID() }
        do {
            try await push(upTo: &lastID, into: &summary, progress: progress)
        } catch let failure as SyncFailure where !Self.endsTheSync(failure) {
            summary.pushFailure = failure
        }
        if lastID > 0 {
            let pushedThrough = lastID
            summary.leftUnsent = try await local {
                try await store.unsentMutations(upTo: pushedThrough, limit: PushRequest.maximumMutations).count
            }
        }
        try await pull(into: &summary, progress: progress)
        return summary
    }

    /// Whether a push failure ends the sync instead of leaving the outbox for later: the refusals
    /// the pull would meet too, and a failing local store.
    static func endsTheSync(_ failure: SyncFailure) -> Bool {
        switch failure {
        case .refused(.unauthorized), .refused(.unsupportedProtocolVersion), .localStore: return true
        default: return false
        }
    }

    /// How many times one sync reconciles its outbox with a restored server or after a restore
    /// of the device (see ``push(upTo:into:progress:)``).
    static let reconcileLimit = 2

    /// Pushes the outbox up to `lastID` as it stands now, oldest first, in batches, each under
    /// ``PushRequest/bodyBudget`` and carrying the outbox's ``SyncLocalStore/acknowledgedThrough()``.
    ///
    /// Reconciles from each answer's ``PushAnswer/lastAppliedBefore`` (SPEC §5 rule 11), at most
    /// ``reconcileLimit`` times a sync:
    /// - the server remembers less than the device was answered (the server was restored from a
    ///   backup): the answered mutations above what it has go back in the queue and are sent
    ///   again, in order, so each ends applied once or refused with a code;
    /// - the server refused as `conflict` ids it had already applied from this client with other
    ///   payloads (the device was restored from an earlier copy, or copied to a second phone):
    ///   those and every later unsent mutation get new ids above the server's, and are sent.
    /// `lastID` follows the renumbering, so the mutations queued before the sync are still the
    /// ones pushed.
    func push(upTo lastID: inout Int64, into summary: inout SyncSummary, progress: @Sendable (SyncProgress) -> Void)
        async throws
    {
        var report = SyncProgress(phase: .pushing)
        var reconciles = 0
        let limits = try await local { try await store.serverLimits() } ?? .contractDefaults
        let perPush = max(1, min(PushRequest.maximumMutations, limits.maxMutationsPerPush))
        while true {
            let limit = lastID
            let unsent = try await local { try await store.unsentMutations(upTo: limit, limit: perPush) }
            let batch = PushRequest.prefix(of: unsent, within: limits.pushBodyBudget)
            guard let first = batch.first else { return }
            if report.toPush == 0 { report.toPush = batch.count }
            let ids = batch.map(\.mutationID)
            let acknowledged = try await local { try await store.acknowledgedThrough() }
            try await local { try await store.markSent(ids, at: now()) }
            let request = PushRequest(clientID: first.clientID, mutations: batch, acknowledgedThrough: acknowledged)
            let answer = try await withRetries(into: &summary) { try await transport.push(request) }
            let sent = Set(ids)
            let answered = answer.results.filter { sent.contains($0.mutationID) }
            try await local { try await store.recordResults(answered, at: now()) }
            // A server that does not state what it has is not reconciled with.
            let serverHad = answer.lastAppliedBefore
            let canReconcile = serverHad != nil && reconciles < Self.reconcileLimit
            let renumbered =
                canReconcile
                ? answered.filter { $0.outcome == .rejected(.conflict) && $0.mutationID <= serverHad! } : []
            let renumberedIDs = Set(renumbered.map(\.mutationID))
            var stalled = answered.count < batch.count
            for result in answered {
                switch result.outcome {
                case .applied, .duplicate: summary.pushed += 1
                case .rejected(.gap): stalled = true
                case .rejected where renumberedIDs.contains(result.mutationID): break
                case .rejected: summary.refused += 1
                }
            }
            report.pushed = summary.pushed + summary.refused
            progress(report)
            if canReconcile, let serverHad, let acknowledged, acknowledged > serverHad {
                reconciles += 1
                summary.resent += try await local { try await store.requeueAnswered(after: serverHad) }
                // The ids above what the server has must follow it without a hole (an earlier
                // renumbering leaves holes): numbered again from its last, in order.
                let pairs = try await local {
                    try await store.renumberUnsent(conflictsThrough: 0, serverLastApplied: serverHad)
                }
                let queuedBefore = lastID
                lastID = pairs.filter { $0.old <= queuedBefore }.map(\.new).max() ?? lastID
                continue
            }
            if let serverHad, !renumbered.isEmpty {
                reconciles += 1
                let serverLast = answered.filter { $0.outcome != .rejected(.gap) }.map(\.mutationID).max() ?? 0
                let pairs = try await local {
                    try await store.renumberUnsent(
                        conflictsThrough: serverHad, serverLastApplied: max(serverHad, serverLast))
                }
                summary.renumbered += pairs.count
                let queuedBefore = lastID
                lastID = pairs.filter { $0.old <= queuedBefore }.map(\.new).max() ?? lastID
                continue
            }
            // A gap or a partial answer: the rest waits for the next sync instead of looping here.
            if stalled { return }
        }
    }

    /// Pulls until the server has no more, then verifies the copy; rebuilds it at most once for
    /// `resync_required` and once for a digest mismatch.
    func pull(into summary: inout SyncSummary, progress: @Sendable (SyncProgress) -> Void) async throws {
        var report = SyncProgress(phase: .pulling, pushed: summary.pushed + summary.refused)
        while true {
            var cursor = try await local { try await store.cursor() }
            var lastPage: PullPage?
            do {
                repeat {
                    let request = PullRequest(cursor: cursor, limit: pageLimit)
                    let page = try await withRetries(into: &summary) { try await transport.pull(request) }
                    // A page with no change at the cursor already stored (a sync with nothing new)
                    // has nothing to commit: no write transaction for it.
                    if !page.upserts.isEmpty || !page.removals.isEmpty || page.cursor != cursor {
                        do {
                            try await store.apply(page)
                        } catch let refused as LeadNotStorable {
                            throw UnappliedPage(detail: refused.description)
                        } catch is CancellationError {
                            throw CancellationError()
                        } catch {
                            throw SyncFailure.localStore(Self.brief(error))
                        }
                    }
                    summary.pages += 1
                    summary.pulled += page.upserts.count
                    summary.removed += page.removals.count
                    cursor = page.cursor
                    lastPage = page
                    report.pulled += page.upserts.count + page.removals.count
                    report.scopeCount = page.scopeCount
                    progress(report)
                } while lastPage?.hasMore == true
            } catch SyncFailure.refused(.resyncRequired) where !summary.resynced {
                summary.resynced = true
                try await local { try await store.resetReplica() }
                continue
            } catch let unapplied as UnappliedPage {
                // A page the store refused (its error names the lead): rebuilt from no cursor
                // once, so a bad local state never wedges the device; refused again, reported.
                guard !summary.repaired else { throw SyncFailure.localStore(unapplied.detail) }
                summary.repaired = true
                try await local { try await store.resetReplica() }
                continue
            }
            guard let page = lastPage else { return }
            guard let expected = page.scopeDigest else {
                throw SyncFailure.badResponse("scope hash '\(page.scopeHash)' is not 16 hexadecimal digits")
            }
            report.phase = .verifying
            progress(report)
            let actual = try await local { try await store.localDigest() }
            if actual == expected {
                summary.digest = actual
                // The last page's limits too: a sync with nothing new applies no page, and a
                // server whose limits changed must still be heard.
                try await local { try await store.recordSyncCompleted(at: now(), digest: actual, limits: page.limits) }
                return
            }
            if summary.repaired { throw SyncFailure.integrity(expected: expected, actual: actual) }
            summary.repaired = true
            report.phase = .pulling
            try await local { try await store.resetReplica() }
        }
    }

    /// Runs a transport call, retrying transient failures per ``retryPolicy``.
    func withRetries<T: Sendable>(
        into summary: inout SyncSummary, _ operation: () async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            let failure: String
            do {
                return try await operation()
            } catch let error as SyncError {
                throw SyncFailure.refused(error)
            } catch let error as SyncTransportError where !error.isTransient {
                throw SyncFailure.badResponse(error.description)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failure = Self.brief(error)
            }
            if attempt >= retryPolicy.maximumAttempts {
                throw SyncFailure.unavailable(failure, attempts: attempt)
            }
            try await sleep(retryPolicy.delay(beforeRetry: attempt, jitter: jitter()))
            attempt += 1
            summary.retries += 1
        }
    }

    /// A page the local store refused to apply for one of its leads (``LeadNotStorable``).
    struct UnappliedPage: Error {
        let detail: String
    }

    /// The longest error text a failure carries, in characters.
    static let failureTextLimit = 200

    /// An error as one short line: its first line, cut to ``failureTextLimit`` characters (an
    /// HTTP client's error can describe the whole request, notes and all).
    static func brief(_ error: any Error) -> String {
        let text = String(describing: error)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard firstLine.count > failureTextLimit else { return firstLine }
        return String(firstLine.prefix(failureTextLimit - 1)) + "…"
    }

    /// Runs a store call, reporting its failure as ``SyncFailure/localStore(_:)``.
    func local<T: Sendable>(_ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch let error as SyncFailure {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw SyncFailure.localStore(Self.brief(error))
        }
    }
}
