/// The limits a server states on every pull page (SPEC §5 rule 11: no outbox can block the
/// device): a device sizes its pushes by them instead of guessing.
public struct SyncLimits: Hashable, Codable, Sendable {
    /// The largest request body the server accepts, in bytes (`413 payload_too_large` above).
    public var maxRequestBytes: Int
    /// The most mutations one push may carry.
    public var maxMutationsPerPush: Int
    /// The longest note, in characters (Unicode scalars).
    public var maxNoteLength: Int

    /// Limits as stated.
    public init(maxRequestBytes: Int, maxMutationsPerPush: Int, maxNoteLength: Int) {
        self.maxRequestBytes = maxRequestBytes
        self.maxMutationsPerPush = maxMutationsPerPush
        self.maxNoteLength = maxNoteLength
    }

    /// The contract's defaults: 4 MiB bodies, ``PushRequest/maximumMutations`` mutations,
    /// ``MutationIntent/maximumNoteLength`` characters.
    public static let contractDefaults = SyncLimits(
        maxRequestBytes: 4 * 1024 * 1024, maxMutationsPerPush: PushRequest.maximumMutations,
        maxNoteLength: MutationIntent.maximumNoteLength)

    /// The JSON bytes a device puts in one push under these limits: three quarters of the body
    /// limit (room for the envelope and the HTTP client's escaping), at most
    /// ``PushRequest/bodyBudget``.
    public var pushBodyBudget: Int { min(PushRequest.bodyBudget, max(1, maxRequestBytes / 4 * 3)) }
}
