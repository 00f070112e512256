/// What one completed sync did.
public struct SyncSummary: Hashable, Sendable {
    /// Leads added or updated on the device.
    public var pulled: Int = 0
    /// Leads removed from the device.
    public var removed: Int = 0
    /// Mutations the server acknowledged (applied, or a duplicate of one applied before).
    public var pushed: Int = 0
    /// Mutations the server refused for good, with their codes.
    public var refused: Int = 0
    /// Pages pulled.
    public var pages: Int = 0
    /// Whether the copy was rebuilt because the server answered `resync_required`.
    public var resynced: Bool = false
    /// Whether the copy was rebuilt because it did not match the server's scope digest.
    public var repaired: Bool = false
    /// Transient failures retried.
    public var retries: Int = 0
    /// Mutations sent again because the server no longer had them (restored from a backup).
    public var resent: Int = 0
    /// Mutations given new ids because the server had used theirs for other mutations of this
    /// client (the device was restored from an earlier copy).
    public var renumbered: Int = 0
    /// Why the push stopped before the outbox was answered (the pull ran all the same), or `nil`.
    public var pushFailure: SyncFailure?
    /// Mutations this sync meant to push that are still unsent after it (a failed push, a gap):
    /// they go out on a later sync. At most ``PushRequest/maximumMutations`` are counted.
    public var leftUnsent: Int = 0
    /// The verified digest of the rep's scope after the sync.
    public var digest: ScopeDigest = .empty

    /// An empty summary.
    public init() {}
}
