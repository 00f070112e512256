import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import Logging

/// Logs each request at `info` as method, route template and status: never the query string or
/// the raw path, which may carry secrets a client put there (issue 21 item 4). A route the server
/// does not have is logged as `unmatched`. Replaces Hummingbird's `LogRequestsMiddleware`, which
/// logs the full URI.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            log(request, context, status: Int(response.status.code))
            return response
        } catch  where ClientDisconnect.matches(error) {
            log(request, context, status: ClientDisconnect.statusCode)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int) {
        logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "route": .string(context.endpointPath ?? "unmatched"),
                "status": .stringConvertible(status),
            ])
    }
}
