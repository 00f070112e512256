import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

@testable import LeadServer

/// Group commit: pushes that arrive while the writer is busy are applied together in the next
/// group, each answered with its own outcome, in arrival order.
@Suite struct PushCommitQueueTests {
    /// A push of `count` accepts from `client`, numbered from 1.
    static func push(_ client: String, count: Int = 1) -> PendingPush {
        PendingPush(
            repID: RepID(), clientID: client,
            mutations: (1...count).map {
                Mutation(clientID: client, mutationID: Int64($0), leadID: LeadID(), intent: .accept)
            })
    }

    /// Returns once `count` pushes wait in the queue (polling; the tasks enqueue on their own).
    static func waitUntil(_ queue: PushCommitQueue, holds count: Int) async throws {
        while queue.waitingCount < count { try await Task.sleep(for: .milliseconds(5)) }
    }

    @Test func pushesThatWaitWhileAGroupIsWrittenAreAppliedTogetherNext() async throws {
        let writer = HeldFirstGroup()
        let queue = PushCommitQueue { pushes in
            writer.enter(pushes)
            // Each push answers its mutation ids; "forbidden" fails alone.
            return pushes.map { push in
                push.clientID == "forbidden"
                    ? .failure(SyncError.forbidden)
                    : .success(
                        PushAnswer(
                            results: push.mutations.map { PushResult(mutationID: $0.mutationID, outcome: .applied) },
                            lastAppliedBefore: nil))
            }
        }

        let first = Task { try await queue.apply(Self.push("a")) }
        await writer.firstGroupStarted()
        // The writer is busy with "a": these three wait and go in one group.
        let second = Task { try await queue.apply(Self.push("b", count: 2)) }
        let third = Task { try await queue.apply(Self.push("forbidden")) }
        let fourth = Task { try await queue.apply(Self.push("c", count: 3)) }
        try await Self.waitUntil(queue, holds: 3)
        writer.releaseFirstGroup()

        #expect(try await first.value.results.map(\.mutationID) == [1])
        #expect(try await second.value.results.map(\.mutationID) == [1, 2])
        await #expect(throws: SyncError.forbidden) { try await third.value }
        #expect(try await fourth.value.results.map(\.mutationID) == [1, 2, 3])
        let recorded = writer.recorded.map { $0.map(\.clientID) }
        #expect(recorded.count == 2)
        #expect(recorded.first == ["a"])
        #expect(Set(recorded.last ?? []) == ["b", "forbidden", "c"])
    }

    /// With two writers (PostgreSQL's store applies several groups at once), a push that arrives
    /// while one group is held is applied by the second writer without waiting for it.
    @Test(.timeLimit(.minutes(1))) func aSecondWriterAppliesAPushWhileTheFirstGroupIsHeld() async throws {
        let writer = HeldFirstGroup()
        let queue = PushCommitQueue(writers: 2) { pushes in
            writer.enter(pushes)
            return pushes.map { push in
                .success(
                    PushAnswer(
                        results: push.mutations.map { PushResult(mutationID: $0.mutationID, outcome: .applied) },
                        lastAppliedBefore: nil))
            }
        }
        let first = Task { try await queue.apply(Self.push("a")) }
        await writer.firstGroupStarted()
        #expect(try await queue.apply(Self.push("b", count: 2)).results.map(\.mutationID) == [1, 2])
        writer.releaseFirstGroup()
        #expect(try await first.value.results.map(\.mutationID) == [1])
        #expect(writer.recorded.map { $0.map(\.clientID) } == [["a"], ["b"]])
    }

    @Test func aGroupStopsAtTheMutationBoundUnlessOnePushAloneExceedsIt() async throws {
        let writer = HeldFirstGroup()
        let queue = PushCommitQueue { pushes in
            writer.enter(pushes)
            return pushes.map { _ in .success(PushAnswer(results: [], lastAppliedBefore: nil)) }
        }
        let bound = PushCommitQueue.maximumGroupMutations
        var pushes = [Task { try await queue.apply(Self.push("a")) }]
        await writer.firstGroupStarted()
        // Queued in this order while the writer is busy (each waits before the next is sent, which keeps the order).
        for (client, count) in [("big", bound + 1), ("half", bound / 2), ("other-half", bound / 2), ("one", 1)] {
            pushes.append(Task { try await queue.apply(Self.push(client, count: count)) })
            try await Self.waitUntil(queue, holds: pushes.count - 1)
        }
        writer.releaseFirstGroup()
        for push in pushes { _ = try await push.value }
        #expect(writer.recorded.map { $0.map(\.mutations.count) } == [[1], [bound + 1], [bound / 2, bound / 2], [1]])
    }
}
