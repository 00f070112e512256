/// Where the change log stood for one rep at one read: the last sequence ever taken (any rep)
/// and the rep's prune horizon. Two equal marks read at two times mean that nothing was committed
/// to the change log and nothing of the rep's was pruned in between, so a pull page built at the
/// first is exactly the page a read at the second would build (every change to a lead in a rep's
/// scope is a change-log row).
public struct ChangeLogMark: Hashable, Sendable {
    /// The largest change-log sequence ever taken (0 before the first row).
    public var lastSequence: Int64
    /// The rep's prune horizon: removals up to this sequence were deleted (0 when none).
    public var prunedThrough: Int64

    /// A mark.
    public init(lastSequence: Int64, prunedThrough: Int64) {
        self.lastSequence = lastSequence
        self.prunedThrough = prunedThrough
    }
}
