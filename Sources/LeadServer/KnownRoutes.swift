internal import HTTPTypes

/// The paths the server answers and their methods (the contract's paths plus `/metrics`), so an
/// unmatched request on a known path is `405 method_not_allowed` with an `Allow` header instead of
/// the router's 404.
enum KnownRoutes {
    /// Path templates (`{}` is one path parameter) and their methods.
    static let table: [(segments: [String], methods: [HTTPRequest.Method])] = [
        ("/health", [.get]), ("/ready", [.get]), ("/metrics", [.get]),
        ("/v1/sync/pull", [.post]), ("/v1/sync/push", [.post]),
        ("/v1/admin/leads/batch", [.post]), ("/v1/admin/events/batch", [.post]),
        ("/v1/admin/reps", [.get, .post]), ("/v1/admin/reps/{}/deactivate", [.post]),
        ("/v1/admin/reps/{}/tokens", [.post]), ("/v1/admin/tokens/{}", [.delete]),
        ("/v1/admin/leads/{}/assign", [.post]), ("/v1/admin/scoring-model", [.get, .put]),
        ("/v1/admin/reports/funnel", [.get]), ("/v1/admin/reports/quality", [.get]),
        ("/v1/admin/routing-rules", [.get, .put]), ("/v1/admin/route", [.post]),
        ("/v1/admin/sla/run", [.post]), ("/v1/admin/recycle/run", [.post]),
    ].map { (path: String, methods: [HTTPRequest.Method]) in
        (path.split(separator: "/").map(String.init), methods)
    }

    /// The methods allowed on `path`, or `nil` when no route has that shape.
    static func allowedMethods(path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for route in table where route.segments.count == segments.count {
            if zip(route.segments, segments).allSatisfy({ $0 == "{}" || $0 == $1 }) { return route.methods }
        }
        return nil
    }
}
