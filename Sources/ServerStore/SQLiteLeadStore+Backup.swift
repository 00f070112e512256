public import Foundation
import GRDB

extension SQLiteLeadStore {
    /// Writes a consistent copy of the whole store to a new file at `path` while the store stays
    /// in use (`VACUUM INTO`: one snapshot, so the copy is the state of one instant; writes wait
    /// meanwhile), and gives the copy an epoch of its own. A server restored from the copy thus
    /// answers every cursor issued before the restore `resync_required` (SPEC §5 rule 4): its
    /// change log reuses sequences that devices have already read past. Pushes the copy does not
    /// remember are sent again by the devices (SPEC §5 rule 11, ``PushRequest/acknowledgedThrough``).
    /// - Returns: the copy's epoch.
    /// - Throws: a GRDB `DatabaseError` when `path` exists or cannot be written.
    @discardableResult
    public func backup(to path: String) throws -> UUID {
        // VACUUM refuses to run inside a transaction; it takes its own read snapshot.
        try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        let epoch = UUID()
        let copy = try DatabaseQueue(path: path)
        try copy.write { db in
            try db.execute(
                sql: "UPDATE store_meta SET epoch = ? WHERE singleton = 1", arguments: [epoch.uuidString.lowercased()])
        }
        try copy.close()
        return epoch
    }
}
