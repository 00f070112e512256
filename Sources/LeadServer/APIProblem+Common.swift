internal import HTTPTypes
internal import SyncAPI
internal import SyncProtocol

extension APIProblem {
    /// 401: no bearer token, or an unknown or revoked one; the device asks the rep to log in again.
    static func unauthorized(_ detail: String = "The bearer token is missing, unknown or revoked; log in again.")
        -> APIProblem
    {
        APIProblem(
            status: .unauthorized, code: .unauthorized, detail: detail,
            headers: [.wwwAuthenticate: #"Bearer realm="leadrelay""#])
    }

    /// 403: a valid token that may not do this.
    static func forbidden(_ detail: String) -> APIProblem {
        APIProblem(status: .forbidden, code: .forbidden, detail: detail)
    }

    /// 413: the body is over the configured limit, in bytes.
    static func payloadTooLarge(limit: Int) -> APIProblem {
        APIProblem(
            status: .contentTooLarge, code: .payloadTooLarge,
            detail: "The request body is larger than \(limit) bytes.")
    }

    /// 404 for a named thing that does not exist.
    static func notFound(_ detail: String) -> APIProblem {
        APIProblem(status: .notFound, code: .notFound, detail: detail)
    }

    /// 422 for a well-formed request with an unacceptable value; `detail` names the field.
    static func validationFailed(_ detail: String) -> APIProblem {
        APIProblem(status: .unprocessableContent, code: .validationFailed, detail: detail)
    }

    /// 400 for a value the schema allows but the sync rules do not (a foreign cursor, a limit
    /// out of range).
    static func invalidRequest(_ detail: String) -> APIProblem {
        APIProblem(status: .badRequest, code: .invalidRequest, detail: detail)
    }

    /// 500 without internals (the cause is logged).
    static let internalError = APIProblem(
        status: .internalServerError, code: .internalError, detail: "The server failed; the error is logged.")

    /// The problem for a sync error (stable codes shared with the device): `resync_required` is
    /// 409, `unsupported_protocol_version` and `invalid_request` 400, `unauthorized` 401,
    /// `forbidden` and `rep_deactivated` 403.
    init(_ error: SyncError) {
        switch error {
        case .resyncRequired:
            self.init(status: .conflict, code: .resyncRequired, detail: error.description)
        case .unsupportedProtocolVersion:
            self.init(status: .badRequest, code: .unsupportedProtocolVersion, detail: error.description)
        case .unauthorized:
            self = .unauthorized(error.description)
        case .forbidden:
            self.init(status: .forbidden, code: .forbidden, detail: error.description)
        case .repDeactivated:
            self.init(status: .forbidden, code: .repDeactivated, detail: error.description)
        case .invalidRequest:
            self.init(status: .badRequest, code: .invalidRequest, detail: error.description)
        }
    }
}

extension APIProblem {
    /// 415: the body is not one of the operation's content types.
    static let unsupportedBody = APIProblem(
        status: .unsupportedMediaType, code: .unsupportedMediaType, detail: "The request body must be application/json."
    )
}
