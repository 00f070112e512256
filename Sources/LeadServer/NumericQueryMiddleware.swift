import Foundation
internal import HTTPTypes
internal import OpenAPIRuntime
internal import SyncAPI

/// Answers a numeric query parameter that is not a number with `400 malformed_request` naming the
/// parameter (SPEC §8: name the place). The generated decoder fails such a value with an empty
/// coding path, which would leave the client guessing which parameter was wrong; this check runs
/// first, for the parameters the contract types as `number`.
struct NumericQueryMiddleware: ServerMiddleware {
    /// The `type: number` query parameters of api-schema/openapi.yaml, by `operationId`.
    static let numericParameters: [String: [String]] = [
        "runFollowUpSLA": ["hours"],
        "getQualityReport": ["slaHours"],
    ]

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        if let names = Self.numericParameters[operationID], let path = request.path,
            let items = URLComponents(string: "http://localhost" + path)?.queryItems
        {
            for item in items where names.contains(item.name) {
                let value = item.value ?? ""
                guard Double(value) != nil else {
                    throw APIProblem(
                        status: .badRequest, code: .malformedRequest,
                        detail: "\(item.name): '\(value)' is not a number.")
                }
            }
        }
        return try await next(request, body, metadata)
    }
}
