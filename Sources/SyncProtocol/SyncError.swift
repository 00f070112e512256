/// A sync request refused as a whole (SPEC §5 rules 4, 6, 8, 9). Each case has a stable machine
/// ``code``, which the HTTP layer puts in the problem+json `code` field, and the device maps back.
public enum SyncError: Error, Hashable, Codable, Sendable, CustomStringConvertible {
    /// The cursor is from another server epoch (another database, a restore) or older than the
    /// removal retention: drop the local copy (keep the outbox) and pull from no cursor.
    case resyncRequired
    /// The request names a protocol version this server does not speak (carries it).
    case unsupportedProtocolVersion(Int)
    /// No valid credentials: missing, unknown or revoked token. Log in again.
    case unauthorized
    /// Valid credentials that may not do this, for example a client id bound to another rep.
    case forbidden
    /// The token belongs to a rep who was deactivated: nothing they send is applied any more.
    case repDeactivated
    /// The request is malformed (the detail names the field and what is wrong).
    case invalidRequest(String)

    /// The stable machine code: `resync_required`, `unsupported_protocol_version`,
    /// `unauthorized`, `forbidden`, `rep_deactivated`, `invalid_request`.
    public var code: String {
        switch self {
        case .resyncRequired: return "resync_required"
        case .unsupportedProtocolVersion: return "unsupported_protocol_version"
        case .unauthorized: return "unauthorized"
        case .forbidden: return "forbidden"
        case .repDeactivated: return "rep_deactivated"
        case .invalidRequest: return "invalid_request"
        }
    }

    /// Every machine code, for schemas and tests.
    public static let allCodes = [
        "resync_required", "unsupported_protocol_version", "unauthorized", "forbidden", "rep_deactivated",
        "invalid_request",
    ]

    /// A sentence saying what failed and what to do.
    public var description: String {
        switch self {
        case .resyncRequired:
            return "the sync cursor is from another server epoch or older than the removal retention; resync"
        case .unsupportedProtocolVersion(let version):
            let supported = SyncProtocolVersion.supported.sorted().map(\.description).joined(separator: ", ")
            return "sync protocol version \(version) is not supported (supported: \(supported)); update the app"
        case .unauthorized: return "missing, unknown or revoked token; log in again"
        case .forbidden: return "this token may not do that"
        case .repDeactivated: return "this token's rep was deactivated; nothing from this device is applied any more"
        case .invalidRequest(let detail): return "invalid sync request: \(detail)"
        }
    }
}
