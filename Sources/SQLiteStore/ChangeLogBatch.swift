import Foundation
import GRDB
import LeadModel
import StoreContract
import SyncProtocol

/// The change-log rows of one write transaction for one rep, collected per lead and written once
/// at the end (``write(at:in:)``): a lead touched several times gets one row, whose kind is its
/// latest change (an upsert, or a removal with its reason).
///
/// The one writer of change-log rows: ``SQLiteLeadStore/logUpsert(repID:leadID:at:in:)`` and
/// ``SQLiteLeadStore/logRemoval(repID:leadID:reason:at:in:)`` are batches of one. One row per lead
/// is equivalent to a row per change: a pull collapses a lead's rows to its latest one anyway, and
/// nothing outside the transaction can see the rows in between. The rep's ``ScopeDigest`` is
/// carried through the rows in memory; each row stores the digest after it.
///
/// Commit order: the sequences are taken in the caller's write transaction (SQLite has one writer,
/// and GRDB's write transactions are `IMMEDIATE`), as the next values after `sqlite_sequence`'s,
/// so they commit in order like every other change-log row.
struct ChangeLogBatch {
    /// The rep whose log the rows go to (its id as stored).
    let repID: String
    /// The leads touched, in the order of their first change, each with its latest change: `nil`
    /// for an upsert, else the removal's reason.
    private var changes: [(leadID: String, removal: RemovalReason?)] = []
    /// Where each touched lead is in ``changes``.
    private var positions: [String: Int] = [:]

    /// An empty batch for a rep.
    init(repID: String) {
        self.repID = repID
    }

    /// Whether no change was recorded.
    var isEmpty: Bool { changes.isEmpty }

    /// Records that the lead changed and stays in (or enters) the rep's scope.
    mutating func upsert(leadID: String) {
        record(leadID: leadID, removal: nil)
    }

    /// Records that the lead left the rep's scope for `reason`.
    mutating func remove(leadID: String, reason: RemovalReason) {
        record(leadID: leadID, removal: reason)
    }

    private mutating func record(leadID: String, removal: RemovalReason?) {
        if let position = positions[leadID] {
            changes[position].removal = removal
        } else {
            positions[leadID] = changes.count
            changes.append((leadID, removal))
        }
    }

    /// Writes one row per touched lead, in first-change order, inside the caller's write
    /// transaction: reads the rep's latest digest, each touched lead's latest row and the last
    /// sequence once, then inserts the rows with their sequences and digests in one statement.
    /// A removal of a lead whose latest row is not an upsert (never in this rep's scope, or
    /// already removed) writes nothing.
    /// - Parameter date: the rows' `at` stamp.
    /// - Returns: the sequence of the last row written, or `nil` when none was.
    /// - Throws: a database error.
    @discardableResult
    func write(at date: Date, in db: Database) throws -> Int64? {
        guard !changes.isEmpty else { return nil }
        var digest = try SQLiteLeadStore.digest(repID: repID, atOrBefore: nil, in: db)
        var latest: [String: (seq: Int64, isUpsert: Bool)] = [:]
        latest.reserveCapacity(changes.count)
        let leadList = String(decoding: try JSONEncoder().encode(changes.map(\.leadID)), as: UTF8.self)
        // SQLite's bare-column rule: with max(seq), `kind` comes from the row holding the maximum.
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT lead_id, max(seq), kind FROM change_log
                    WHERE rep_id = ? AND lead_id IN (SELECT value FROM json_each(?))
                    GROUP BY lead_id
                    """),
            arguments: [repID, leadList])
        while let row = try rows.next() {
            latest[row[0]] = (row[1], (row[2] as String) == "upsert")
        }
        var seq =
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")) ?? 0
        // The rows go in as one JSON array through one INSERT … SELECT: one execution of the
        // statement per batch.
        var logRows: [ChangeLogRow] = []
        logRows.reserveCapacity(changes.count)
        for change in changes {
            let previous = latest[change.leadID]
            let lead = change.leadID
            let removal: RemovalReason?
            if let reason = change.removal {
                guard let previous, previous.isUpsert else { continue }
                seq += 1
                digest.remove(leadIDText: lead, version: previous.seq)
                removal = reason
            } else {
                seq += 1
                if let previous, previous.isUpsert {
                    digest.update(leadIDText: lead, from: previous.seq, to: seq)
                } else {
                    digest.insert(leadIDText: lead, version: seq)
                }
                removal = nil
            }
            logRows.append(
                ChangeLogRow(
                    seq: seq, leadID: lead, removal: removal, scopeCount: digest.count,
                    scopeHash: Int64(bitPattern: digest.hash)))
        }
        guard !logRows.isEmpty else { return nil }
        let rowsJSON = String(decoding: try JSONEncoder().encode(logRows), as: UTF8.self)
        try db.cachedStatement(
            sql: """
                INSERT INTO change_log (seq, rep_id, lead_id, kind, removal_reason, at, scope_count, scope_hash)
                SELECT json_extract(value, '$[0]'), ?, json_extract(value, '$[1]'), json_extract(value, '$[2]'),
                    json_extract(value, '$[3]'), ?, json_extract(value, '$[4]'), json_extract(value, '$[5]')
                FROM json_each(?) ORDER BY key
                """
        ).execute(arguments: [repID, date.timeIntervalSince1970, rowsJSON])
        return seq
    }
}
