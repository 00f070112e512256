import Dispatch
import SQLiteStore
import StoreContract
import Synchronization

/// Stands in for the store's writer behind a ``PushCommitQueue``: records every group it is
/// given and holds the first one until ``releaseFirstGroup()``, so pushes queue behind it.
final class HeldFirstGroup: Sendable {
    private let groups = Mutex<[[PendingPush]]>([])
    private let started = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    /// The groups given so far, in order.
    var recorded: [[PendingPush]] { groups.withLock { $0 } }

    /// Records `pushes` as a group; blocks while it is the first and not released.
    func enter(_ pushes: [PendingPush]) {
        let isFirst = groups.withLock { groups in
            groups.append(pushes)
            return groups.count == 1
        }
        if isFirst {
            started.signal()
            released.wait()
        }
    }

    /// Returns once the first group is being held (waiting on a dispatch thread, not on a
    /// cooperative one).
    func firstGroupStarted() async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [started] in
                started.wait()
                continuation.resume()
            }
        }
    }

    /// Lets the first group finish.
    func releaseFirstGroup() { released.signal() }
}
