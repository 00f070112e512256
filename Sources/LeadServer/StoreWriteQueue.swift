import Dispatch

/// Runs a blocking store write (an SQLite write transaction, which waits for GRDB's single
/// writer) on its own serial dispatch queue instead of a Swift concurrency thread.
///
/// Why: the cooperative pool has one thread per core (2 here). A push that waits for the writer
/// on one of them leaves the other alone to decode and encode every other request; with the wait
/// moved here, requests keep being decoded while a batch is written (issue 4's verdicts/s).
/// Serial, because SQLite has one writer anyway: a second queued write would only wait inside
/// GRDB on another thread.
struct StoreWriteQueue: Sendable {
    private let queue = DispatchQueue(label: "leadrelay.store-writes", qos: .userInitiated)

    /// Runs `body` on the queue and returns its result (or rethrows its error) to the caller,
    /// which is suspended, not blocked, meanwhile.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
