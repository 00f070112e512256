import Foundation
internal import HTTPTypes
internal import Hummingbird

/// Counts every request and its latency in ``ServerMetrics``, labelled by the matched route
/// pattern (never the raw path, so the label set stays bounded). Sits outside
/// ``ProblemMiddleware``, so it sees the final status of every answer, errors included; a client
/// that hung up mid-request is recorded as `499` (``ClientDisconnect``), never as a 5xx.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        func record(_ status: Int) {
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            metrics.recordRequest(
                method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: status,
                seconds: seconds)
        }
        do {
            let response = try await next(request, context)
            record(response.status.code)
            return response
        } catch  where ClientDisconnect.matches(error) {
            record(ClientDisconnect.statusCode)  // the client hung up: not a 5xx
            throw error
        }
    }
}
