import Foundation
import GRDB
import SyncProtocol

/// The change-log rows of one write transaction for several reps: one ``ChangeLogBatch`` per rep,
/// written at the end in the order the reps were first touched. A run that hands 100,000 leads to
/// 20 reps reads each rep's digest and last sequence once, not once per lead.
struct ChangeLogBatches {
    private var batches: [ChangeLogBatch] = []
    private var positions: [String: Int] = [:]

    /// Records that the lead changed and stays in (or enters) the rep's scope.
    mutating func upsert(repID: String, leadID: String) {
        batches[position(of: repID)].upsert(leadID: leadID)
    }

    /// Records that the lead left the rep's scope for `reason`.
    mutating func remove(repID: String, leadID: String, reason: RemovalReason) {
        batches[position(of: repID)].remove(leadID: leadID, reason: reason)
    }

    private mutating func position(of repID: String) -> Int {
        if let position = positions[repID] { return position }
        positions[repID] = batches.count
        batches.append(ChangeLogBatch(repID: repID))
        return batches.count - 1
    }

    /// Writes every rep's rows (``ChangeLogBatch/write(at:in:)``) inside the caller's write transaction.
    /// - Throws: a database error.
    func write(at date: Date, in db: Database) throws {
        for batch in batches { try batch.write(at: date, in: db) }
    }
}
