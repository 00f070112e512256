import Dispatch
import Foundation
import GRDB
import LeadModel
import StoreContract
import Synchronization

@testable import SQLiteStore

/// S1's L1: one write transaction that changes a lead in its owner's scope (a new phone number,
/// logged as an upsert with its sequence taken inside the transaction, as every change is) and
/// then stays open, on a Dispatch thread, until ``release()``; pulls are served meanwhile.
final class HeldWriteTransaction: Sendable {
    private let opened = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)
    private let done = DispatchGroup()
    /// The change's sequence once written, or what went wrong.
    private let outcome = Mutex<(sequence: Int64?, failure: String?)>((nil, nil))

    /// Starts the transaction.
    /// - Parameter holdMicroseconds: how long it stays open after ``release()``, before it commits.
    init(store: SQLiteLeadStore, rep: RepID, lead: LeadID, phone: String, at date: Date, holdMicroseconds: UInt32) {
        done.enter()
        DispatchQueue.global().async { [self] in
            defer { done.leave() }
            do {
                try store.writer.write { db in
                    try db.execute(
                        sql: "UPDATE lead SET phone = ?, updated_at = ? WHERE id = ?",
                        arguments: [phone, date.timeIntervalSince1970, lead.description])
                    let sequence = try SQLiteLeadStore.logUpsert(
                        repID: rep.description, leadID: lead.description, at: date, in: db)
                    outcome.withLock { $0.sequence = sequence }
                    opened.signal()
                    // Held until released: the timeout only keeps a broken test from hanging. It
                    // must outlast any pull under CI load (other suites' waits for SQLite's writer
                    // can hold the cooperative threads for seconds); at 30 s a slow pull saw the
                    // change commit on its own and counted it as served while open.
                    _ = released.wait(timeout: .now() + 600)
                    usleep(holdMicroseconds)
                }
            } catch {
                outcome.withLock { $0.failure = "\(error)" }
                opened.signal()
            }
        }
    }

    /// Waits until the change is written (and its transaction still open).
    /// - Returns: the change's sequence in the change log.
    /// - Throws: the store's error when the write failed.
    func sequenceWhileOpen() async throws -> Int64 {
        await Self.wait(opened)
        let (sequence, failure) = outcome.withLock { ($0.sequence, $0.failure) }
        guard let sequence else { throw TestFailure("L1's transaction failed: \(failure ?? "unknown")") }
        return sequence
    }

    /// Lets the transaction commit.
    func release() { released.signal() }

    /// Waits until the transaction committed (or failed).
    func committed() async {
        await withCheckedContinuation { continuation in done.notify(queue: .global()) { continuation.resume() } }
    }

    /// Waits for a semaphore on a Dispatch thread, never blocking the test's task.
    private static func wait(_ semaphore: DispatchSemaphore) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                semaphore.wait()
                continuation.resume()
            }
        }
    }
}
