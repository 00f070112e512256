/// Where a running sync stands, reported after each push batch and each committed page.
public struct SyncProgress: Hashable, Sendable {
    /// What the engine is doing.
    public enum Phase: String, Hashable, Sendable {
        /// Sending the outbox.
        case pushing
        /// Pulling pages.
        case pulling
        /// Checking the local copy against the server's digest.
        case verifying
    }

    /// The current phase.
    public var phase: Phase
    /// Mutations answered so far in this sync.
    public var pushed: Int
    /// Mutations to push in this sync.
    public var toPush: Int
    /// Leads and removals applied so far in this sync.
    public var pulled: Int
    /// The size of the rep's scope at the last page's cursor (the progress bar's total on a first
    /// sync); 0 before the first page.
    public var scopeCount: Int

    /// A progress report.
    public init(phase: Phase, pushed: Int = 0, toPush: Int = 0, pulled: Int = 0, scopeCount: Int = 0) {
        self.phase = phase
        self.pushed = pushed
        self.toPush = toPush
        self.pulled = pulled
        self.scopeCount = scopeCount
    }
}
