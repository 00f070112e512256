internal import Foundation
internal import HTTPTypes
internal import SyncProtocol

/// The one table from an HTTP error answer to the engine's typed errors (SPEC §5 rule 9).
enum ProblemMapping {
    /// The error for an answer with a non-2xx status and its body (a problem document or not):
    /// - 401 → ``SyncError/unauthorized`` (log in again);
    /// - 403 `rep_deactivated` → ``SyncError/repDeactivated``; other 403 → ``SyncError/forbidden``;
    /// - 409 `resync_required` → ``SyncError/resyncRequired``;
    /// - 400 `unsupported_protocol_version` or 426 → ``SyncError/unsupportedProtocolVersion(_:)``
    ///   (update the app);
    /// - other 400 and 422 → ``SyncError/invalidRequest(_:)``;
    /// - 408, 429, 5xx → ``SyncTransportError/unavailable(_:)`` (transient, retried);
    /// - 413, 415 → ``SyncTransportError/rejectedRequest(_:)``;
    /// - anything else → ``SyncTransportError/badResponse(_:)``.
    static func error(status: HTTPResponse.Status, body: Data) -> any Error {
        let problem = ProblemDocument.decode(body)
        let detail = problem?.text ?? "HTTP \(status.code)"
        switch (status.code, problem?.code) {
        case (401, _): return SyncError.unauthorized
        case (403, "rep_deactivated"): return SyncError.repDeactivated
        case (403, _): return SyncError.forbidden
        case (_, "resync_required"): return SyncError.resyncRequired
        case (426, _), (_, "unsupported_protocol_version"):
            return SyncError.unsupportedProtocolVersion(SyncProtocolVersion.current.rawValue)
        case (400, _), (422, _): return SyncError.invalidRequest(detail)
        case (408, _), (429, _), (500...599, _): return SyncTransportError.unavailable("HTTP \(status.code): \(detail)")
        case (413, _), (415, _): return SyncTransportError.rejectedRequest("HTTP \(status.code): \(detail)")
        default: return SyncTransportError.badResponse("HTTP \(status.code): \(detail)")
        }
    }
}
