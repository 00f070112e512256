internal import HTTPTypes
internal import Hummingbird
internal import NIOCore

/// Bounds request bodies per route with `413 payload_too_large`, without reading them first: a
/// declared `Content-Length` over the route's limit is refused at once; otherwise the body is
/// handed on as a stream that fails as soon as it goes over. Nothing is collected here, so the
/// authentication that follows answers `401` before an unauthenticated body is read (issue 21
/// item 2); what the handlers decode is bounded by the route's limit.
struct RequestBodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The largest body accepted on any route, in bytes (`serve --max-body-bytes`).
    let limit: Int

    /// 16 KiB: a pull's body is its protocol version, cursor and page limit.
    static var pullBodyLimit: Int { 16 * 1024 }

    /// The limit of the route whose template is `route` (the router's match, so `//v1/sync/pull/`
    /// is the pull route too), in bytes.
    func limit(forRoute route: String?) -> Int {
        route == "/v1/sync/pull" ? min(limit, Self.pullBodyLimit) : limit
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let limit = limit(forRoute: context.endpointPath)
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIProblem.payloadTooLarge(limit: limit)
        }
        var request = request
        request.body = RequestBody(asyncSequence: LimitedRequestBody(base: request.body, limit: limit))
        return try await next(request, context)
    }
}
