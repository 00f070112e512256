public import Foundation
import GRDB
public import LeadModel
public import StoreContract

extension SQLiteLeadStore {
    /// Stores a device token's hash for a rep.
    /// - Throws: ``LeadStoreError/repNotFound(_:)``; a GRDB `DatabaseError` for a hash that is not
    ///   64 characters or is already stored.
    public func saveDeviceToken(hash: String, repID: RepID, at date: Date) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM rep WHERE id = ?", arguments: [repID.description]) != nil
            else { throw LeadStoreError.repNotFound(repID) }
            try db.execute(
                sql: "INSERT INTO device_token (token_hash, rep_id, created_at) VALUES (?, ?, ?)",
                arguments: [hash, repID.description, date.timeIntervalSince1970])
        }
    }

    /// The token stored under this hash, or `nil`. On a file store, answered from
    /// ``DeviceTokenCache`` while nothing was committed to the file since it was read (so a
    /// revocation, from this process or another, is seen on the next lookup).
    public func deviceToken(hash: String) throws -> DeviceTokenRecord? {
        guard let tokenCache else { return try readDeviceToken(hash: hash) }
        return try tokenCache.record(hash: hash) { try readDeviceToken(hash: hash) }
    }

    /// The token row under this hash, read from the database.
    private func readDeviceToken(hash: String) throws -> DeviceTokenRecord? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT t.token_hash, t.rep_id, t.created_at, t.revoked_at, r.active
                            FROM device_token t JOIN rep r ON r.id = t.rep_id
                            WHERE t.token_hash = ?
                            """),
                    arguments: [hash])
            else { return nil }
            let repText: String = row[1]
            guard let repID = RepID(uuidString: repText) else {
                throw LeadStoreError.corruptRow(table: "device_token", detail: "rep id '\(repText)'")
            }
            return DeviceTokenRecord(
                hash: row[0], repID: repID, createdAt: Date(timeIntervalSince1970: row[2]),
                revokedAt: (row[3] as Double?).map(Date.init(timeIntervalSince1970:)), repIsActive: row[4])
        }
    }

    /// Marks the token revoked; whether a live one was.
    @discardableResult
    public func revokeDeviceToken(hash: String, at date: Date) throws -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE device_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                arguments: [date.timeIntervalSince1970, hash])
            return db.changesCount > 0
        }
    }

    /// Revokes every live token of the rep; how many.
    @discardableResult
    public func revokeDeviceTokens(repID: RepID, at date: Date) throws -> Int {
        try write { db in
            try db.execute(
                sql: "UPDATE device_token SET revoked_at = ? WHERE rep_id = ? AND revoked_at IS NULL",
                arguments: [date.timeIntervalSince1970, repID.description])
            return db.changesCount
        }
    }
}
