import Foundation
import LeadModel
import SyncProtocol
import Synchronization
import Testing

/// The device sync engine against in-memory fakes of the server and the local store.
@Suite("Sync engine")
struct SyncEngineTests {
    let server = FakeSyncServer()
    let store = InMemorySyncStore()
    let sleeps = SleepLog()

    /// An engine with instant, recorded sleeps and a fixed jitter of 1 (delays at their bound).
    func engine(pageLimit: Int = 500, attempts: Int = 5) -> SyncEngine {
        let sleeps = self.sleeps
        return SyncEngine(
            transport: server, store: store, pageLimit: pageLimit, retryPolicy: RetryPolicy(maximumAttempts: attempts),
            sleep: { seconds in sleeps.record(seconds) }, jitter: { 1 },
            now: { Date(timeIntervalSince1970: 1_800_000_000) })
    }

    static func ids(_ count: Int) -> [LeadID] { (0..<count).map { _ in LeadID() } }

    @Test func firstSyncPullsEveryPageAndVerifiesTheDigest() async throws {
        await server.upsert(Self.ids(1_200))
        let summary = try await engine().sync()
        #expect(summary.pulled == 1_200)
        #expect(summary.pages == 3)
        #expect(summary.digest.count == 1_200)
        #expect(!summary.repaired && !summary.resynced)
        #expect(await store.leads.count == 1_200)
        #expect(await store.lastSync != nil)
    }

    @Test func aSyncWithNothingNewCommitsNoPageAndStillVerifies() async throws {
        await server.upsert(Self.ids(3))
        _ = try await engine().sync()
        #expect(await store.appliedPages == 1)
        let quiet = try await engine().sync()
        #expect(quiet.pulled == 0 && quiet.removed == 0)
        #expect(quiet.pages == 1)
        #expect(await store.appliedPages == 1)
        #expect(quiet.digest.count == 3)
    }

    @Test func incrementalSyncGetsChangesAndRemovals() async throws {
        let ids = Self.ids(10)
        await server.upsert(ids)
        _ = try await engine().sync()
        await server.remove(ids[0], reason: .reassigned)
        await server.upsert([ids[1]])
        let summary = try await engine().sync()
        #expect(summary.pulled == 1)
        #expect(summary.removed == 1)
        #expect(await store.leads[ids[0]] == nil)
        #expect(summary.digest.count == 9)
    }

    @Test func pushSendsTheOutboxInOrderBeforePulling() async throws {
        let ids = Self.ids(3)
        await server.upsert(ids)
        _ = try await engine().sync()
        await store.enqueue(.accept, leadID: ids[0])
        await store.enqueue(.rejecting(.noBudget), leadID: ids[1])
        await store.enqueue(.addNote(text: "called"), leadID: ids[2])
        let summary = try await engine().sync()
        #expect(summary.pushed == 3)
        #expect(await store.states() == ["applied", "applied", "applied"])
        #expect(await server.effects == [1, 2, 3])
        // The reject's removal came back in the same sync's pull.
        #expect(await store.leads[ids[1]] == nil)
        #expect(await store.leads[ids[0]]?.stage == .accepted)
    }

    @Test func nothingIsMarkedDoneBeforeTheServerAcknowledgedIt() async throws {
        let ids = Self.ids(2)
        await server.upsert(ids)
        await store.enqueue(.accept, leadID: ids[0])
        await server.setPushFailures(Array(repeating: SyncTransportError.unavailable("HTTP 500"), count: 5))
        // The push gives up; the pull still runs, and the summary says what was left unsent.
        let failed = try await engine().sync()
        #expect(failed.pushFailure == .unavailable("the server is unavailable (HTTP 500)", attempts: 5))
        #expect(failed.leftUnsent == 1)
        #expect(failed.pulled == 2)
        #expect(await store.states() == ["sent"])
        #expect(await server.effects.isEmpty)
        let summary = try await engine().sync()
        #expect(summary.pushed == 1)
        #expect(await store.states() == ["applied"])
        #expect(await server.effects == [1])
    }

    @Test func transientFailuresAreRetriedWithCappedExponentialBackoff() async throws {
        await server.upsert(Self.ids(1))
        await server.setPullFailures([
            SyncTransportError.unavailable("HTTP 503"), URLError(.cannotConnectToHost),
            SyncTransportError.unavailable("HTTP 502"),
        ])
        let summary = try await engine().sync()
        #expect(summary.retries == 3)
        #expect(sleeps.values == [0.5, 1, 2])
        #expect(summary.digest.count == 1)
    }

    @Test(arguments: [(1, 0.5), (2, 1.0), (3, 2.0), (7, 30.0), (40, 30.0)])
    func retryDelayBoundDoublesUpToTheCap(retry: Int, bound: Double) {
        let policy = RetryPolicy()
        #expect(policy.delay(beforeRetry: retry, jitter: 1) == bound)
        #expect(policy.delay(beforeRetry: retry, jitter: 0.5) == bound / 2)
        #expect(policy.delay(beforeRetry: retry, jitter: 0) == 0)
    }

    @Test func refusalsAreNotRetried() async throws {
        await server.setPullFailures([SyncError.unsupportedProtocolVersion(1)])
        await #expect(throws: SyncFailure.refused(.unsupportedProtocolVersion(1))) { try await engine().sync() }
        #expect(await server.pullCount == 1)
        #expect(sleeps.values.isEmpty)
    }

    /// S6: a mutation queued while the push runs stays queued and goes out on the next sync.
    @Test func mutationQueuedDuringASyncWaitsForTheNextSync() async throws {
        let ids = Self.ids(4)
        await server.upsert(ids)
        _ = try await engine().sync()
        for id in ids.prefix(3) { await store.enqueue(.accept, leadID: id) }
        let store = self.store
        let lateLead = ids[3]
        await server.setOnPush { [store] in
            if await store.outbox.count == 3 { await store.enqueue(.rejecting(.noBudget), leadID: lateLead) }
        }
        let first = try await engine().sync()
        #expect(first.pushed == 3)
        #expect(await store.states() == ["applied", "applied", "applied", "queued"])
        let second = try await engine().sync()
        #expect(second.pushed == 1)
        #expect(await store.states() == ["applied", "applied", "applied", "applied"])
        #expect(await server.effects == [1, 2, 3, 4])
    }

    /// Issue 14 item 1: a page the store refuses is not a wedge. The copy is rebuilt from no
    /// cursor once; when the same lead is refused again the sync fails naming it, and a sync
    /// after the cause is gone succeeds.
    @Test func aRefusedPageRebuildsOnceThenNamesTheLead() async throws {
        let ids = Self.ids(3)
        await server.upsert(ids)
        await store.setRefuseApplyOf(ids[1])
        await #expect(
            throws: SyncFailure.localStore(LeadNotStorable(leadID: ids[1], detail: "refused by the test").description)
        ) { try await engine().sync() }
        await store.setRefuseApplyOf(nil)
        let summary = try await engine().sync()
        #expect(summary.digest.count == 3)
        #expect(await store.leads.count == 3)
    }

    /// Only a lead the store refuses rebuilds the copy: any other store failure (a full disk)
    /// fails the sync with the copy and its cursor kept, to work on offline.
    @Test func anotherStoreFailureKeepsTheCopy() async throws {
        let ids = Self.ids(3)
        await server.upsert(ids)
        _ = try await engine().sync()
        await server.upsert(Self.ids(2))
        await store.setApplyFailure(InMemorySyncStore.DiskFull())
        await #expect(throws: SyncFailure.localStore("disk I/O error")) { try await engine().sync() }
        #expect(await store.leads.count == 3)
        #expect(await store.storedCursor != nil)
    }

    /// A server restored from a backup forgets what it applied: the device's answered mutations
    /// are sent again, in order, and applied once; from a server that does not state what it has
    /// (before issue 14), nothing is reconciled.
    @Test func aForgetfulServerGetsTheAnsweredMutationsAgainOnlyWhenItSaysSo() async throws {
        let ids = Self.ids(3)
        await server.upsert(ids)
        _ = try await engine().sync()
        // Notes: their effect does not depend on the lead's state, which the fake keeps.
        await store.enqueue(.addNote(text: "emailed"), leadID: ids[0])
        await store.enqueue(.addNote(text: "called"), leadID: ids[1])
        #expect(try await engine().sync().pushed == 2)
        await server.forgetClients()
        await server.setStatesLastApplied(false)
        await store.enqueue(.accept, leadID: ids[2])
        let silent = try await engine().sync()
        #expect(silent.resent == 0)
        #expect(silent.leftUnsent == 1)
        await server.setStatesLastApplied(true)
        let reconciled = try await engine().sync()
        #expect(reconciled.resent == 2)
        #expect(reconciled.pushed == 3)
        #expect(await store.states() == ["applied", "applied", "applied"])
    }

    /// S4: killed while applying page 4 of a 5,000-lead first sync; the rerun resumes.
    @Test func interruptedFirstSyncResumesFromTheLastCommittedPage() async throws {
        await server.upsert(Self.ids(5_000))
        await store.setFailApplyAt(4)
        await #expect(throws: CancellationError.self) { try await engine().sync() }
        #expect(await store.leads.count == 1_500)
        let summary = try await engine().sync()
        #expect(summary.pulled == 3_500)
        #expect(await store.leads.count == 5_000)
        // 5,000 leads served once, plus the one page that was never committed.
        #expect(await server.upsertsServed == 5_500)
    }

    /// S5: the push is applied but its answer is lost; the retry is answered `duplicate`.
    @Test func lostPushAnswerIsRetriedAndCountedOnce() async throws {
        let ids = Self.ids(1)
        await server.upsert(ids)
        await store.enqueue(.accept, leadID: ids[0])
        await server.setDropNextPushAnswer(SyncTransportError.unavailable("connection reset"))
        let summary = try await engine().sync()
        #expect(summary.pushed == 1)
        #expect(await server.effects == [1])
        #expect(await store.states() == ["applied"])
    }

    /// S8: a bad mutation is refused with its code and does not block the queue.
    @Test func refusedMutationKeepsItsCodeAndDoesNotBlockTheQueue() async throws {
        let ids = Self.ids(3)
        await server.upsert(ids)
        _ = try await engine().sync()
        await store.enqueue(.accept, leadID: ids[0])
        await store.enqueue(.reject(reason: "too_expensive", note: nil, reentryDate: nil), leadID: ids[1])
        await store.enqueue(.addNote(text: "hello"), leadID: ids[2])
        let summary = try await engine().sync()
        #expect(summary.pushed == 2)
        #expect(summary.refused == 1)
        #expect(await store.states() == ["applied", "refused", "applied"])
        #expect(await store.codes() == [nil, .unknownReason, nil])
    }

    /// A gap (the server lost track of this client) stops the push without looping.
    @Test func gapLeavesTheMutationUnsentAndStopsThePush() async throws {
        let ids = Self.ids(1)
        await server.upsert(ids)
        _ = try await engine().sync()
        // Mutation 1 is lost on the device, so the server sees 2 first: a gap.
        await store.enqueue(.accept, leadID: ids[0])
        await store.enqueue(.addNote(text: "x"), leadID: ids[0])
        await store.outboxRemoveFirst()
        let summary = try await engine().sync()
        #expect(summary.pushed == 0)
        #expect(await store.states() == ["sent"])
        #expect(await server.pushCount == 1)
    }

    /// S13 / SPEC §5 rule 4: `resync_required` rebuilds the copy and keeps the outbox.
    @Test func resyncRequiredRebuildsTheCopyAndKeepsTheOutbox() async throws {
        let ids = Self.ids(20)
        await server.upsert(ids)
        _ = try await engine().sync()
        await server.remove(ids[0], reason: .recycled)
        await server.newEpoch()
        await store.enqueue(.addNote(text: "call back Tuesday"), leadID: ids[1])
        let summary = try await engine().sync()
        #expect(summary.resynced)
        #expect(summary.pushed == 1)
        #expect(await store.leads.count == 19)
        #expect(await store.leads[ids[0]] == nil)
        #expect(await store.storedCursor?.epoch == server.epoch)
    }

    /// SPEC §5 rule 7: a copy that disagrees with the server's digest is rebuilt.
    @Test func digestMismatchIsRepairedByAFullResync() async throws {
        let ids = Self.ids(5)
        await server.upsert(ids)
        _ = try await engine().sync()
        await store.insertStray(SyncedLead(leadID: LeadID(), version: 1, stage: .assigned, assignedAt: Date()))
        await server.upsert([ids[0]])
        let summary = try await engine().sync()
        #expect(summary.repaired)
        #expect(await store.leads.count == 5)
        #expect(summary.digest == (await server.digest(at: server.sequence)))
    }

    /// S18: the token is revoked mid-sync; the committed pages and the outbox are kept.
    @Test func revokedTokenMidSyncKeepsCommittedPagesAndOutbox() async throws {
        let ids = Self.ids(1_000)
        await server.upsert(ids)
        await store.enqueue(.addNote(text: "kept"), leadID: ids[0])
        await server.setPushFailures([SyncTransportError.unavailable("HTTP 500")])
        await server.setRevokeAfterPulls(2)
        await #expect(throws: SyncFailure.refused(.unauthorized)) { try await engine(pageLimit: 100).sync() }
        #expect(await store.leads.count == 200)
        #expect(await store.storedCursor?.sequence == 200)
        #expect(await store.states() == ["applied"])
    }
}

extension InMemorySyncStore {
    /// Drops the first outbox row, so the next push starts with a gap.
    func outboxRemoveFirst() { outbox.removeFirst() }
}

/// The delays the engine slept, in order (seconds).
final class SleepLog: Sendable {
    private let log = Mutex<[Double]>([])
    func record(_ seconds: Double) { log.withLock { $0.append(seconds) } }
    var values: [Double] { log.withLock { $0 } }
}
