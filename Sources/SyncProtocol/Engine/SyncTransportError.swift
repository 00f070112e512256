/// A transport failure that is not a refusal by the server (those are ``SyncError``).
public enum SyncTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The server could not be reached or answered with a server error (5xx, connection refused,
    /// timeout). Transient: the engine retries it with backoff. Carries what happened.
    case unavailable(String)
    /// The server answered something this client cannot read (an unexpected status or body).
    /// Not retried. Carries what happened.
    case badResponse(String)
    /// The request was refused as too large (413) or malformed by this client; not retried.
    case rejectedRequest(String)

    /// Whether a retry may succeed.
    public var isTransient: Bool {
        if case .unavailable = self { return true }
        return false
    }

    /// A sentence saying what failed.
    public var description: String {
        switch self {
        case .unavailable(let detail): return "the server is unavailable (\(detail))"
        case .badResponse(let detail): return "the server's answer could not be read (\(detail))"
        case .rejectedRequest(let detail): return "the server refused the request (\(detail))"
        }
    }
}
