import Synchronization

/// The server's open HTTP connections, counted by ``ConnectionCapHandler`` (one counter shared by
/// every connection's handler), for the cap and for `/metrics`.
public final class ConnectionCounter: Sendable {
    private let open = Atomic<Int>(0)
    private let refusedTotal = Atomic<Int>(0)

    /// A counter at zero.
    public init() {}

    /// Connections open now (refused ones not counted).
    public var current: Int { open.load(ordering: .relaxed) }

    /// Connections answered `503` and closed because the cap was reached, since start.
    public var refused: Int { refusedTotal.load(ordering: .relaxed) }

    /// Counts a new connection when fewer than `limit` are open; `false` (and counted as refused)
    /// otherwise.
    func admit(limit: Int) -> Bool {
        while true {
            let now = open.load(ordering: .relaxed)
            guard now < limit else {
                refusedTotal.add(1, ordering: .relaxed)
                return false
            }
            if open.compareExchange(expected: now, desired: now + 1, ordering: .relaxed).exchanged { return true }
        }
    }

    /// Counts an admitted connection that closed.
    func release() { open.subtract(1, ordering: .relaxed) }
}
