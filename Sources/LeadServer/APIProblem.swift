import Foundation
internal import HTTPTypes
internal import SyncAPI

/// An error answered as an RFC 9457 `application/problem+json` document with a stable `code`
/// from the contract's `ProblemCode` enum (api-schema/openapi.yaml), so every code the server
/// emits is one the schema lists.
struct APIProblem: Error, Sendable, CustomStringConvertible {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The stable machine-readable code.
    var code: Components.Schemas.ProblemCode
    /// What went wrong in this request, naming the place.
    var detail: String
    /// Extra response headers (`WWW-Authenticate` on 401).
    var headers: HTTPFields = [:]

    /// A problem with an explicit code.
    init(status: HTTPResponse.Status, code: Components.Schemas.ProblemCode, detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers
    }

    /// A problem whose code follows from a client-error status (400 `malformed_request`, 404
    /// `not_found`, 405 `method_not_allowed`, 413 `payload_too_large`, 415
    /// `unsupported_media_type`, 422 `validation_failed`, 409 `conflict`, 401 `unauthorized`, 403
    /// `forbidden`; any other 4xx `malformed_request`).
    init(status: HTTPResponse.Status, detail: String) {
        let code: Components.Schemas.ProblemCode
        switch status.code {
        case 401: code = .unauthorized
        case 403: code = .forbidden
        case 404: code = .notFound
        case 405: code = .methodNotAllowed
        case 409: code = .conflict
        case 413: code = .payloadTooLarge
        case 415: code = .unsupportedMediaType
        case 422: code = .validationFailed
        case 503: code = .unavailable
        case 500...: code = .internalError
        default: code = .malformedRequest
        }
        self.init(status: status, code: code, detail: detail)
    }

    /// A short human-readable summary of the problem type.
    var title: String {
        switch code {
        case .malformedRequest: return "Malformed request"
        case .invalidRequest: return "Invalid request"
        case .unsupportedProtocolVersion: return "Unsupported protocol version"
        case .unauthorized: return "Unauthorized"
        case .forbidden: return "Forbidden"
        case .repDeactivated: return "Rep deactivated"
        case .notFound: return "Not found"
        case .conflict: return "Conflict"
        case .resyncRequired: return "Resync required"
        case .payloadTooLarge: return "Payload too large"
        case .unsupportedMediaType: return "Unsupported media type"
        case .validationFailed: return "Validation failed"
        case .methodNotAllowed: return "Method not allowed"
        case .unavailable: return "Unavailable"
        case .internalError: return "Internal error"
        }
    }

    /// `code (status): detail`, for logs.
    var description: String { "\(code.rawValue) (\(status.code)): \(detail)" }

    /// The problem document's JSON bytes, with `instance` set to the request path when given.
    func body(instance: String?) -> [UInt8] {
        let document = Components.Schemas.Problem(
            _type: "https://leadrelay.dev/problems/\(code.rawValue)", title: title, status: status.code,
            detail: detail, instance: instance, code: code)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(document)) ?? Data(#"{"code":"internal_error"}"#.utf8))
    }

    /// The response head's header fields: the problem content type plus ``headers``.
    var responseHeaders: HTTPFields {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return fields
    }
}
