/// A device asking for the changes to its rep's scope after its cursor (SPEC §5 rules 1–3).
public struct PullRequest: Hashable, Codable, Sendable {
    /// The protocol version the device speaks.
    public var protocolVersion: SyncProtocolVersion
    /// The cursor of the last page the device committed, or `nil` for a first sync (or a resync).
    public var cursor: SyncCursor?
    /// The most changes (upserts plus removals) the page may hold, 1…``maximumLimit``; `nil`
    /// means ``defaultLimit``.
    public var limit: Int?

    /// The page size when the request names none: 500 changes.
    public static let defaultLimit = 500
    /// The largest page size a server accepts: 5,000 changes.
    public static let maximumLimit = 5_000

    /// A pull request; version defaults to ``SyncProtocolVersion/current``.
    public init(protocolVersion: SyncProtocolVersion = .current, cursor: SyncCursor? = nil, limit: Int? = nil) {
        self.protocolVersion = protocolVersion
        self.cursor = cursor
        self.limit = limit
    }

    /// The page size that applies: ``limit`` or ``defaultLimit``.
    public var effectiveLimit: Int { limit ?? Self.defaultLimit }
}
