internal import Foundation
internal import HTTPTypes
internal import OpenAPIRuntime
internal import SyncProtocol

/// Adds the bearer token to every request and turns every failure into the engine's typed
/// errors before the generated client sees it: a non-2xx answer becomes a ``SyncError`` or a
/// ``SyncTransportError`` (``ProblemMapping``), a connection failure becomes
/// ``SyncTransportError/unavailable(_:)``.
struct SyncHTTPMiddleware: ClientMiddleware {
    /// The rep's device token.
    let token: String
    /// The most bytes of an error body read: 64 KiB.
    static let errorBodyLimit = 65_536

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Bearer \(token)"
        let response: HTTPResponse
        let responseBody: HTTPBody?
        do {
            (response, responseBody) = try await next(request, body, baseURL)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw SyncTransportError.unavailable(Self.describe(error))
        }
        guard response.status.kind != .successful else { return (response, responseBody) }
        var data = Data()
        if let responseBody {
            data = (try? await Data(collecting: responseBody, upTo: Self.errorBodyLimit)) ?? Data()
        }
        throw ProblemMapping.error(status: response.status, body: data)
    }

    /// A short text for a connection failure (the URL error's description, without noise).
    static func describe(_ error: any Error) -> String {
        if let urlError = error as? URLError {
            return "\(urlError.localizedDescription) (URL error \(urlError.code.rawValue))"
        }
        return String(describing: error)
    }
}
