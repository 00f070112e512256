public import Foundation
import GRDB
import StoreContract

extension SQLiteLeadStore {
    /// Writes a consistent copy of the whole store to a new file at `path` while the store stays
    /// in use (`VACUUM INTO`: one snapshot, so the copy is the state of one instant; writes wait
    /// meanwhile). Restore it with ``restore(backup:to:)``, never by copying the file back: the
    /// restored store needs an epoch of its own.
    /// The copy is owner-only (`0600`), like the store.
    /// - Throws: `CocoaError.fileWriteFileExists` when `path` exists; a GRDB `DatabaseError` when it
    ///   cannot be written.
    public func backup(to path: String) throws {
        // VACUUM refuses to run inside a transaction; it takes its own read snapshot.
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path])
        }
        try OwnerOnlyFile.prepare(path)  // an empty owner-only file, which VACUUM INTO fills
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        } catch {
            try? FileManager.default.removeItem(atPath: path)  // a retry must not find it "existing"
            throw error
        }
    }

    /// Makes a new store file at `path` from the backup at `backup`, with a new epoch. The epoch
    /// is what makes a restore safe for devices: the restored change log reuses sequences that
    /// devices have already read past, so every cursor issued before the restore must get
    /// `resync_required` (SPEC §5 rule 4); and pushes the backup does not remember are sent again
    /// by the devices (SPEC §5 rule 11, ``PushRequest/acknowledgedThrough``). The backup itself
    /// is not changed, so it can be restored again, each time with another epoch.
    /// - Returns: the restored store's epoch.
    /// - Throws: `CocoaError.fileWriteFileExists` when `path` exists; a GRDB `DatabaseError` when
    ///   `backup` cannot be read.
    @discardableResult
    public static func restore(backup: String, to path: String) throws -> UUID {
        let source = try DatabaseQueue(path: backup)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path])
        }
        try OwnerOnlyFile.prepare(path)
        try source.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        try source.close()
        let epoch = UUID()
        let restored = try DatabaseQueue(path: path)
        try restored.write { db in
            try db.execute(
                sql: "UPDATE store_meta SET epoch = ? WHERE singleton = 1", arguments: [epoch.uuidString.lowercased()])
        }
        try restored.close()
        return epoch
    }
}
