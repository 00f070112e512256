import Dispatch
import Foundation
import LeadModel
import ServerStore
import SyncProtocol
import Synchronization
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

    /// Waits for `semaphore` on a dispatch thread, not on a cooperative one.
    static func wait(for semaphore: DispatchSemaphore) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                semaphore.wait()
                continuation.resume()
            }
        }
    }

    @Test func pushesThatWaitWhileAGroupIsWrittenAreAppliedTogetherNext() async throws {
        let groups = Mutex<[[String]]>([])
        let firstGroupStarted = DispatchSemaphore(value: 0)
        let releaseFirstGroup = DispatchSemaphore(value: 0)
        let queue = PushCommitQueue { pushes in
            let isFirst = groups.withLock { groups in
                groups.append(pushes.map(\.clientID))
                return groups.count == 1
            }
            if isFirst {
                firstGroupStarted.signal()
                releaseFirstGroup.wait()
            }
            // Each push answers its mutation ids; "forbidden" fails alone.
            return pushes.map { push in
                push.clientID == "forbidden"
                    ? .failure(SyncError.forbidden)
                    : .success(push.mutations.map { PushResult(mutationID: $0.mutationID, outcome: .applied) })
            }
        }

        let first = Task { try await queue.apply(Self.push("a")) }
        await Self.wait(for: firstGroupStarted)
        // The writer is busy with "a": these three wait and go in one group.
        let second = Task { try await queue.apply(Self.push("b", count: 2)) }
        let third = Task { try await queue.apply(Self.push("forbidden")) }
        let fourth = Task { try await queue.apply(Self.push("c", count: 3)) }
        try await Task.sleep(for: .milliseconds(100))
        releaseFirstGroup.signal()

        #expect(try await first.value.map(\.mutationID) == [1])
        #expect(try await second.value.map(\.mutationID) == [1, 2])
        await #expect(throws: SyncError.forbidden) { try await third.value }
        #expect(try await fourth.value.map(\.mutationID) == [1, 2, 3])
        let recorded = groups.withLock { $0 }
        #expect(recorded.count == 2)
        #expect(recorded.first == ["a"])
        #expect(Set(recorded.last ?? []) == ["b", "forbidden", "c"])
    }

    @Test func aGroupStopsAtTheMutationBoundUnlessOnePushAloneExceedsIt() async throws {
        let groups = Mutex<[[Int]]>([])
        let firstGroupStarted = DispatchSemaphore(value: 0)
        let releaseFirstGroup = DispatchSemaphore(value: 0)
        let queue = PushCommitQueue { pushes in
            let isFirst = groups.withLock { groups in
                groups.append(pushes.map(\.mutations.count))
                return groups.count == 1
            }
            if isFirst {
                firstGroupStarted.signal()
                releaseFirstGroup.wait()
            }
            return pushes.map { _ in .success([]) }
        }
        let bound = PushCommitQueue.maximumGroupMutations
        var pushes = [Task { try await queue.apply(Self.push("a")) }]
        await Self.wait(for: firstGroupStarted)
        // Queued in this order while the writer is busy (the pauses keep the order).
        for (client, count) in [("big", bound + 1), ("half", bound / 2), ("other-half", bound / 2), ("one", 1)] {
            pushes.append(Task { try await queue.apply(Self.push(client, count: count)) })
            try await Task.sleep(for: .milliseconds(50))
        }
        releaseFirstGroup.signal()
        for push in pushes { _ = try await push.value }
        #expect(groups.withLock { $0 } == [[1], [bound + 1], [bound / 2, bound / 2], [1]])
    }
}
