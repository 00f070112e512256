public import LeadModel

/// One page of changes to a rep's scope (SPEC §5 rules 1–3 and 7).
///
/// The page covers the change log from the request's cursor up to and including ``cursor``,
/// collapsed to one entry per lead (its latest state in that range): a lead appears at most
/// once, either in ``upserts`` or in ``removals``. After applying the page in one local
/// transaction (rows and cursor together), the device's copy equals the rep's scope at ``cursor``,
/// whose size and digest are ``scopeCount`` and ``scopeHash`` (see ``ScopeDigest``).
public struct PullPage: Hashable, Codable, Sendable {
    /// The cursor to store with this page's rows and to send on the next pull.
    public var cursor: SyncCursor
    /// Whether more changes follow: pull again with ``cursor`` until this is `false`.
    public var hasMore: Bool
    /// Leads added to the scope or changed, to insert or replace by ``SyncedLead/leadID``.
    public var upserts: [SyncedLead]
    /// Leads that left the scope, to delete, with the reason to show. Empty on a first sync
    /// (no cursor), since the device holds nothing to remove.
    public var removals: [LeadRemoval]
    /// The number of leads in the rep's scope at ``cursor``.
    public var scopeCount: Int
    /// The scope's digest at ``cursor``: ``ScopeDigest/hashText`` (16 lower-case hex digits).
    public var scopeHash: String
    /// The rep the pulling token belongs to (set by the server's sync service; `nil` from a
    /// server that does not say): a device never mixes two reps' data (SPEC §5 rule 11).
    public var repID: RepID?
    /// The server's limits (``SyncLimits``); `nil` from a server that does not state them.
    public var limits: SyncLimits?

    /// A page.
    public init(
        cursor: SyncCursor, hasMore: Bool, upserts: [SyncedLead], removals: [LeadRemoval], scopeCount: Int,
        scopeHash: String, repID: RepID? = nil, limits: SyncLimits? = nil
    ) {
        self.repID = repID
        self.limits = limits
        self.cursor = cursor
        self.hasMore = hasMore
        self.upserts = upserts
        self.removals = removals
        self.scopeCount = scopeCount
        self.scopeHash = scopeHash
    }

    /// The page's scope count and hash as a digest; `nil` when ``scopeHash`` is malformed.
    public var scopeDigest: ScopeDigest? { ScopeDigest(count: scopeCount, hashText: scopeHash) }
}
