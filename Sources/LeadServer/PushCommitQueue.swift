import Dispatch
internal import StoreContract
internal import SyncProtocol
import Synchronization

/// Group commit for pushes: pushes wait here for the store's single writer, and each time the
/// writer is free it applies every push that arrived meanwhile in one write transaction with one
/// commit (``SyncStore/applyPushes(_:at:)``), then answers each. A push is answered only after
/// the commit that holds it, so an acknowledged verdict is durable as before; what the group
/// saves is a commit (a WAL fsync) and the writes of shared pages per push.
///
/// The writers run on dispatch threads, not on Swift concurrency threads: the cooperative pool
/// has one thread per core, and a thread blocked on the store's writer would leave the others
/// alone to decode and encode every other request. Up to ``writers`` groups are applied at once
/// (one for SQLite's single writer; several for PostgreSQL, whose writers wait only on the rows
/// they share), each writer taking the pushes waiting when it is free. Writers only run while
/// pushes wait; an idle server holds no thread for them.
final class PushCommitQueue: Sendable {
    /// At most this many mutations per group, unless one push alone has more: 2,000. It bounds
    /// how long the first push of a group waits for the others' effects.
    static let maximumGroupMutations = 2_000

    private struct Waiting {
        let push: PendingPush
        let continuation: CheckedContinuation<PushAnswer, any Error>
    }

    /// How many groups are applied at once, at most.
    let writers: Int
    private let queue = DispatchQueue(label: "leadrelay.push-commits", qos: .userInitiated, attributes: .concurrent)
    private let state = Mutex<(waiting: [Waiting], drainers: Int)>(([], 0))
    private let apply: @Sendable ([PendingPush]) throws -> [Result<PushAnswer, any Error>]

    /// A queue that applies each group with `apply` (one write transaction per call), at most
    /// `writers` (at least 1) at once.
    init(writers: Int = 1, apply: @escaping @Sendable ([PendingPush]) throws -> [Result<PushAnswer, any Error>]) {
        self.writers = max(1, writers)
        self.apply = apply
    }

    /// How many pushes wait for the writer now (not counting a group being written).
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Waits for the group that holds `push` to commit.
    /// - Returns: the push's results, in mutation order.
    /// - Throws: the push's own failure (``SyncError/forbidden``,
    ///   ``LeadStoreError/repNotFound(_:)``) or the group's database error; nothing of the push
    ///   was applied then.
    func apply(_ push: PendingPush) async throws -> PushAnswer {
        try await withCheckedThrowingContinuation { continuation in
            let startsDraining = state.withLock { state in
                state.waiting.append(Waiting(push: push, continuation: continuation))
                guard state.drainers < writers else { return false }
                state.drainers += 1
                return true
            }
            if startsDraining { queue.async { self.drain() } }
        }
    }

    /// Applies groups until no push waits (one writer).
    private func drain() {
        while true {
            let group = state.withLock { state in
                var count = 0
                var mutations = 0
                for waiting in state.waiting {
                    if count > 0, mutations + waiting.push.mutations.count > Self.maximumGroupMutations { break }
                    count += 1
                    mutations += waiting.push.mutations.count
                }
                let group = Array(state.waiting.prefix(count))
                state.waiting.removeFirst(count)
                if group.isEmpty { state.drainers -= 1 }
                return group
            }
            guard !group.isEmpty else { return }
            do {
                let outcomes = try apply(group.map(\.push))
                for (waiting, outcome) in zip(group, outcomes) { waiting.continuation.resume(with: outcome) }
            } catch {
                for waiting in group { waiting.continuation.resume(throwing: error) }
            }
        }
    }
}
