internal import CoreMetrics
import Foundation
public import Prometheus

/// The server's Prometheus metrics, all in one registry that `/metrics` renders.
///
/// Metrics go through swift-metrics with an explicit `PrometheusMetricsFactory`, not the global
/// `MetricsSystem`, so several applications (tests) can live in one process without bootstrapping.
/// Names (Prometheus text format):
/// - `leadrelay_http_requests_total{method, route, status}`: requests answered;
/// - `leadrelay_http_request_duration_seconds{method, route}`: latency histogram, in seconds;
/// - `leadrelay_sync_pulls_total`, `leadrelay_sync_pushes_total`: sync operations served (2xx);
/// - `leadrelay_sync_pulls_built_ahead_total`: of those pulls, the pages answered from a page
///   built ahead (``PullPrefetch``);
/// - `leadrelay_sync_mutations_total{outcome}`: pushed mutations by outcome (`applied`,
///   `duplicate`, `rejected`).
public final class ServerMetrics: Sendable {
    /// The registry `/metrics` renders; tests read it directly.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let pulls: CoreMetrics.Counter
    private let pullsBuiltAhead: CoreMetrics.Counter
    private let pushes: CoreMetrics.Counter
    private let applied: CoreMetrics.Counter
    private let duplicates: CoreMetrics.Counter
    private let refused: CoreMetrics.Counter

    /// Creates the metrics in a fresh registry.
    public init() {
        registry = PrometheusCollectorRegistry()
        factory = PrometheusMetricsFactory(registry: registry)
        pulls = CoreMetrics.Counter(label: "leadrelay_sync_pulls_total", factory: factory)
        pullsBuiltAhead = CoreMetrics.Counter(label: "leadrelay_sync_pulls_built_ahead_total", factory: factory)
        pushes = CoreMetrics.Counter(label: "leadrelay_sync_pushes_total", factory: factory)
        applied = CoreMetrics.Counter(
            label: "leadrelay_sync_mutations_total", dimensions: [("outcome", "applied")], factory: factory)
        duplicates = CoreMetrics.Counter(
            label: "leadrelay_sync_mutations_total", dimensions: [("outcome", "duplicate")], factory: factory)
        refused = CoreMetrics.Counter(
            label: "leadrelay_sync_mutations_total", dimensions: [("outcome", "rejected")], factory: factory)
    }

    /// Counts one answered HTTP request and its latency.
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - route: The matched route pattern (for example `/v1/sync/pull`), or `unmatched`, so the
    ///     label set stays small whatever paths clients send.
    ///   - status: The response status code.
    ///   - seconds: Time from the request reaching the router to the response head, in seconds.
    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        CoreMetrics.Counter(
            label: "leadrelay_http_requests_total",
            dimensions: [("method", method), ("route", route), ("status", String(status))], factory: factory
        ).increment()
        CoreMetrics.Timer(
            label: "leadrelay_http_request_duration_seconds", dimensions: [("method", method), ("route", route)],
            factory: factory
        ).recordNanoseconds(Int64(seconds * 1e9))
    }

    /// Counts one pull served; `builtAhead` when its page was built before the request came.
    func recordPull(builtAhead: Bool = false) {
        pulls.increment()
        if builtAhead { pullsBuiltAhead.increment() }
    }

    /// Counts one push served and its mutations by outcome.
    func recordPush(applied appliedCount: Int, duplicate duplicateCount: Int, rejected rejectedCount: Int) {
        pushes.increment()
        applied.increment(by: appliedCount)
        duplicates.increment(by: duplicateCount)
        refused.increment(by: rejectedCount)
    }

    /// The registry in the Prometheus text exposition format.
    func rendered() -> String { registry.emitToString() }
}
