import GRDB

extension LocalDatabase {
    /// Writes a consistent copy of the device's data (leads, outbox, session) to a new file at
    /// `path`, as a phone backup would hold it (`VACUUM INTO`: the state of one instant). A home
    /// restored from such a copy reconciles with the server on its next sync (SPEC §5 rule 11).
    /// - Throws: a GRDB `DatabaseError` when `path` exists or cannot be written.
    public func backup(to path: String) throws {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
    }
}
