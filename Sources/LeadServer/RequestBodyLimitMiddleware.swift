internal import HTTPTypes
internal import Hummingbird

/// Refuses request bodies larger than the configured limit with `413 payload_too_large`, before
/// any decoding: a declared `Content-Length` over the limit is refused at once; a body without one
/// (chunked) is collected up to the limit and refused when it goes over.
struct RequestBodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The largest body accepted, in bytes.
    let limit: Int

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIProblem.payloadTooLarge(limit: limit)
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIProblem.payloadTooLarge(limit: limit)
        }
        return try await next(request, context)
    }
}
