import Foundation
internal import HTTPTypes
internal import Hummingbird

/// Counts every request and its latency in ``ServerMetrics``, labelled by the matched route
/// pattern (never the raw path, so the label set stays bounded). Sits inside
/// ``ProblemMiddleware``, so it sees the final status of every answer, errors included.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.recordRequest(
            method: request.method.rawValue, route: context.endpointPath ?? "unmatched",
            status: response.status.code, seconds: seconds)
        return response
    }
}
