public import Foundation
import GRDB
import StoreContract

extension SQLiteLeadStore {
    /// Deletes the removals older than `cutoff` in one write transaction, with every earlier row
    /// of the same rep and lead (so a pull from no cursor never brings a removed lead back), and
    /// raises each affected rep's horizon to the pruned removal's sequence: a cursor below it
    /// gets `resync_required` (SPEC §5 rule 4). A rep's latest row is kept, since it carries the
    /// rep's current scope digest.
    /// - Returns: how many change-log rows were deleted.
    public func pruneRemovals(olderThan cutoff: Date) throws -> Int {
        try write { db in
            let expired = try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, rep_id, lead_id FROM change_log AS c
                    WHERE kind = 'removal' AND at < ?
                      AND seq < (SELECT MAX(seq) FROM change_log WHERE rep_id = c.rep_id)
                    ORDER BY seq
                    """,
                arguments: [cutoff.timeIntervalSince1970])
            var deleted = 0
            for row in expired {
                let seq: Int64 = row[0]
                let rep: String = row[1]
                try db.execute(
                    sql: "DELETE FROM change_log WHERE rep_id = ? AND lead_id = ? AND seq <= ?",
                    arguments: [rep, row[2] as String, seq])
                deleted += db.changesCount
                try db.execute(
                    sql: """
                        INSERT INTO change_log_horizon (rep_id, pruned_through) VALUES (?, ?)
                        ON CONFLICT (rep_id) DO UPDATE SET
                            pruned_through = MAX(pruned_through, excluded.pruned_through)
                        """,
                    arguments: [rep, seq])
            }
            return deleted
        }
    }
}
