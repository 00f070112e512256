/// Why ``SyncEngine/sync(progress:)`` stopped. The local store keeps everything committed
/// before the failure: the outbox, and every page applied with its cursor.
public enum SyncFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The server refused the request as a whole (log in again, update the app, …).
    case refused(SyncError)
    /// The server stayed unavailable through every retry (carries the last failure and the
    /// number of attempts made).
    case unavailable(String, attempts: Int)
    /// The server's answer could not be used (carries what was wrong).
    case badResponse(String)
    /// The local copy still disagreed with the server's scope digest after a full repair.
    case integrity(expected: ScopeDigest, actual: ScopeDigest)
    /// The local store failed (carries its error).
    case localStore(String)

    /// A sentence saying what failed and what to do.
    public var description: String {
        switch self {
        case .refused(let error): return error.description
        case .unavailable(let detail, let attempts):
            return
                "the server is unavailable after \(attempts) attempts (\(detail)); your changes are kept, sync again later"
        case .badResponse(let detail): return "the server's answer could not be read (\(detail)); sync again later"
        case .integrity(let expected, let actual):
            return "the local copy (\(actual)) does not match the server's (\(expected)) even after a full resync"
        case .localStore(let detail): return "the local store failed: \(detail)"
        }
    }
}
