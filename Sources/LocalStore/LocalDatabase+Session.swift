import Foundation
import GRDB
public import LeadModel
import SyncProtocol

extension LocalDatabase {
    /// The sync state, or `nil` when no rep ever logged in (or after a wipe).
    /// - Throws: ``LocalStoreError/corruptRow(table:detail:)`` for an unreadable row, or a GRDB
    ///   `DatabaseError`.
    public func session() throws -> LocalSession? {
        try writer.read { db in try Self.session(db) }
    }

    /// Logs in: stores the server and the token. The outbox, the copy and the client id are kept
    /// when the same server was used before (a re-login after an expired token, SPEC §6); a first
    /// login makes a new random client id.
    /// - Parameters:
    ///   - serverURL: the server's base URL.
    ///   - token: the rep's device token.
    ///   - repID: the rep, when known.
    /// - Returns: the session after login.
    /// - Throws: a GRDB `DatabaseError`.
    @discardableResult
    public func logIn(serverURL: String, token: String, repID: RepID? = nil) throws -> LocalSession {
        try writer.write { db in
            if try Self.session(db) != nil {
                try db.execute(
                    sql:
                        "UPDATE sync_state SET server_url = ?, token = ?, rep_id = coalesce(?, rep_id) WHERE singleton = 1",
                    arguments: [serverURL, token, repID?.description])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO sync_state (singleton, server_url, token, rep_id, client_id) VALUES (1, ?, ?, ?, ?)
                        """,
                    arguments: [serverURL, token, repID?.description, UUID().uuidString.lowercased()])
            }
            guard let session = try Self.session(db) else { throw LocalStoreError.notLoggedIn }
            return session
        }
    }

    /// Forgets the token after the server refused it, keeping everything else (the outbox, the
    /// last committed page), so the rep logs in again and carries on (case S18).
    /// - Throws: a GRDB `DatabaseError`.
    public func forgetToken() throws {
        try writer.write { db in try db.execute(sql: "UPDATE sync_state SET token = NULL WHERE singleton = 1") }
    }

    /// Deletes every row of every table: the rep's leads, removals, outbox and sync state
    /// (logging out, SPEC §6).
    /// - Throws: a GRDB `DatabaseError`.
    public func wipe() throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM lead; DELETE FROM removal; DELETE FROM outbox; DELETE FROM sync_state")
        }
        try writer.vacuum()
    }

    /// Reads the sync state row.
    static func session(_ db: Database) throws -> LocalSession? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT server_url, token, rep_id, client_id, next_mutation_id, cursor, last_sync_at,
                        scope_count, scope_hash
                    FROM sync_state WHERE singleton = 1
                    """)
        else { return nil }
        var cursor: SyncCursor?
        if let text: String = row["cursor"] {
            do {
                cursor = try SyncCursor(parsing: text)
            } catch {
                throw LocalStoreError.corruptRow(table: "sync_state", detail: error.description)
            }
        }
        var digest: ScopeDigest?
        if let count: Int = row["scope_count"], let hash: String = row["scope_hash"] {
            digest = ScopeDigest(count: count, hashText: hash)
        }
        let repText: String? = row["rep_id"]
        let lastSync: Double? = row["last_sync_at"]
        return LocalSession(
            serverURL: row["server_url"], token: row["token"], repID: repText.flatMap { RepID(uuidString: $0) },
            clientID: row["client_id"], nextMutationID: row["next_mutation_id"], cursor: cursor,
            lastSyncAt: lastSync.map { Date(timeIntervalSince1970: $0) }, lastDigest: digest)
    }
}
