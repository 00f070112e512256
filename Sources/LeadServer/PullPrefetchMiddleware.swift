import Foundation
internal import HTTPTypes
internal import OpenAPIRuntime
internal import SyncAPI
internal import SyncProtocol

/// Answers a rep's `POST /v1/sync/pull` with the page ``PullPrefetch`` built ahead for its
/// cursor and page size, when there is one still valid; every other request (and every pull
/// without one, or whose body is not JSON) goes on to the generated handler unchanged. Runs
/// after ``AuthMiddleware``, so only an authenticated rep's own pages are served.
struct PullPrefetchMiddleware: ServerMiddleware {
    let prefetch: PullPrefetch
    let metrics: ServerMetrics
    /// The largest request body read here, in bytes (the server's request body limit; larger
    /// bodies were already refused).
    let bodyLimit: Int

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        // Most pulls have no page built ahead (a no-change sync, a first page): they go on
        // without their body being read and decoded here as well as in the handler.
        guard operationID == "pull", case .rep(let repID) = Principal.current, let body,
            request.headerFields[.contentType]?.lowercased().hasPrefix("application/json") == true,
            prefetch.holdsPages(for: repID)
        else { return try await next(request, body, metadata) }
        let bytes = try await Data(collecting: body, upTo: bodyLimit)
        guard let wire = try? JSONDecoder().decode(Components.Schemas.PullRequest.self, from: bytes),
            SyncProtocolVersion(rawValue: Int(wire.protocolVersion)) == .current, let cursor = wire.cursor,
            let page = await prefetch.take(repID: repID, cursor: cursor, limit: wire.limit.map(Int.init))
        else { return try await next(request, HTTPBody(bytes), metadata) }
        if page.hasMore { prefetch.schedule(repID: repID, after: page.cursor, limit: wire.limit.map(Int.init)) }
        metrics.recordPull(builtAhead: true)
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json; charset=utf-8"
        return (response, HTTPBody(page.body))
    }
}
