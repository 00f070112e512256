internal import Foundation
internal import HTTPTypes
internal import OpenAPIRuntime
internal import SyncProtocol

/// Adds the bearer token to every request and turns every failure into the engine's typed
/// errors before the generated client sees it: a non-2xx answer becomes a ``SyncError`` or a
/// ``SyncTransportError`` (``ProblemMapping``), a connection failure becomes
/// ``SyncTransportError/unavailable(_:)``. Counts the bytes of each successful pull answer's body
/// in ``received``.
struct SyncHTTPMiddleware: ClientMiddleware {
    /// The rep's device token.
    let token: String
    /// Where the bytes of the pull answers are counted.
    let received: TransferCounter
    /// The most bytes of an error body read: 64 KiB.
    static let errorBodyLimit = 65_536
    /// The most bytes of a pull answer of unknown length collected to count it: 256 MiB.
    static let pageBodyLimit = 268_435_456

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
        if response.status.kind == .successful {
            guard operationID == "pull", let responseBody else { return (response, responseBody) }
            if case .known(let length) = responseBody.length {
                received.recordPull(bodyBytes: Int(length))
                return (response, responseBody)
            }
            // A streamed body of unknown length: collected here to be counted (a page is a few MB).
            let data = try await Data(collecting: responseBody, upTo: Self.pageBodyLimit)
            received.recordPull(bodyBytes: data.count)
            return (response, HTTPBody(data))
        }
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
