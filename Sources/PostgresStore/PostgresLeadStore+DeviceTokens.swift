public import Foundation
public import LeadModel
public import StoreContract

extension PostgresLeadStore {
    public func saveDeviceToken(hash: String, repID: RepID, at date: Date) throws {
        try write { session in
            guard !(try session.rows("SELECT 1 FROM rep WHERE id = $1", [repID.description]).isEmpty) else {
                throw LeadStoreError.repNotFound(repID)
            }
            try session.execute(
                "INSERT INTO device_token (token_hash, rep_id, created_at) VALUES ($1, $2, $3)",
                [hash, repID.description, date.timeIntervalSince1970])
        }
    }

    /// The token's row, read from the database each time: another process may have revoked it.
    public func deviceToken(hash: String) throws -> DeviceTokenRecord? {
        try readStatement { session in
            guard
                let row = try session.rows(
                    """
                    SELECT t.token_hash, t.rep_id, t.created_at, t.revoked_at, r.active
                    FROM device_token t JOIN rep r ON r.id = t.rep_id WHERE t.token_hash = $1
                    """, [hash]
                ).first
            else { return nil }
            let repText = try row.requiredText(1)
            guard let repID = RepID(uuidString: repText) else {
                throw LeadStoreError.corruptRow(table: "device_token", detail: "rep id '\(repText)'")
            }
            return DeviceTokenRecord(
                hash: try row.requiredText(0), repID: repID,
                createdAt: Date(timeIntervalSince1970: try row.requiredDouble(2)),
                revokedAt: try row.double(3).map(Date.init(timeIntervalSince1970:)),
                repIsActive: try row.requiredBool(4))
        }
    }

    @discardableResult
    public func revokeDeviceToken(hash: String, at date: Date) throws -> Bool {
        try write { session in
            try session.execute(
                "UPDATE device_token SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL",
                [date.timeIntervalSince1970, hash]) > 0
        }
    }

    @discardableResult
    public func revokeDeviceTokens(repID: RepID, at date: Date) throws -> Int {
        try write { session in
            try session.execute(
                "UPDATE device_token SET revoked_at = $1 WHERE rep_id = $2 AND revoked_at IS NULL",
                [date.timeIntervalSince1970, repID.description])
        }
    }
}
