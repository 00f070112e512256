public import Foundation
public import LeadModel
public import SyncProtocol

/// The device's sync state (one row): who is logged in where, and how far the copy has synced.
public struct LocalSession: Hashable, Sendable {
    /// The server's base URL, as given at login.
    public var serverURL: String
    /// The bearer token, or `nil` after the server refused it (the rep must log in again). The
    /// phone app would keep it in the Keychain; the CLI keeps it in its home folder.
    public var token: String?
    /// The rep this device works for, when known (the API names no rep to its device yet).
    public var repID: RepID?
    /// This installation's client id: a random id made at the first login, kept across re-logins.
    public var clientID: String
    /// The id the next queued mutation gets (starts at 1).
    public var nextMutationID: Int64
    /// The cursor of the last committed page; `nil` before the first page or after a reset.
    public var cursor: SyncCursor?
    /// The last completed sync (device time).
    public var lastSyncAt: Date?
    /// The scope digest verified by the last completed sync, while it still describes the copy:
    /// `nil` once a later page changed a row (an interrupted sync) or the copy was reset.
    public var lastDigest: ScopeDigest?

    /// A session.
    public init(
        serverURL: String, token: String?, repID: RepID?, clientID: String, nextMutationID: Int64,
        cursor: SyncCursor?, lastSyncAt: Date?, lastDigest: ScopeDigest?
    ) {
        self.serverURL = serverURL
        self.token = token
        self.repID = repID
        self.clientID = clientID
        self.nextMutationID = nextMutationID
        self.cursor = cursor
        self.lastSyncAt = lastSyncAt
        self.lastDigest = lastDigest
    }

    /// The server epoch of the cursor, when there is one.
    public var epoch: UUID? { cursor?.epoch }
}
