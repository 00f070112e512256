public import Foundation
public import Hummingbird
internal import HummingbirdCore
public import LeadPipeline
public import Logging
internal import NIOCore
internal import OpenAPIHummingbird
internal import OpenAPIRuntime
internal import SyncAPI
internal import SyncProtocol

/// The application type ``buildApplication(_:backend:metrics:connections:logger:now:onServerRunning:)`` returns.
public typealias LeadRelayApplication = Application<RouterResponder<BasicRequestContext>>

/// The composition root of `leadrelay-server serve` and of the HTTP tests: opens the store
/// (`configuration.databaseURL`'s PostgreSQL database, else the SQLite file at
/// `configuration.databasePath`; created and migrated when needed) and builds the application
/// over it.
/// - Parameters:
///   - configuration: Address, store path, admin token and limits.
///   - logger: The application's logger (requests are logged at `info` with metadata).
///   - onServerRunning: Called once the server listens, with the port it bound (useful with
///     port 0).
/// - Throws: The store's error when the file cannot be opened or migrated.
public func buildApplication(
    _ configuration: ServerConfiguration, logger: Logger = Logger(label: "leadrelay-server"),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> LeadRelayApplication {
    let location = try StoreLocation.choose(
        databaseURL: configuration.databaseURL, path: configuration.databasePath, environment: [:])
    let backend = try LeadRelayBackend.open(location)
    return try buildApplication(configuration, backend: backend, logger: logger, onServerRunning: onServerRunning)
}

/// Builds the application over an open backend (tests seed its store, then call this).
/// - Parameters:
///   - configuration: Address, admin token and limits (`databasePath` is ignored).
///   - backend: LeadPipeline's way into the server's store: every handler calls its verbs.
///   - metrics: The metrics registry `/metrics` renders (a fresh one by default).
///   - connections: The open-connection count the cap keeps (a fresh one by default).
///   - logger: The application's logger.
///   - now: The clock for tokens, pushes and assignments.
///   - onServerRunning: Called once the server listens, with the port it bound.
/// - Throws: When the generated handlers cannot be registered (a bad server URL in the contract).
public func buildApplication(
    _ configuration: ServerConfiguration, backend: LeadRelayBackend, metrics: ServerMetrics = ServerMetrics(),
    connections: ConnectionCounter = ConnectionCounter(),
    logger: Logger = Logger(label: "leadrelay-server"), now: @escaping @Sendable () -> Date = { Date() },
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> LeadRelayApplication {
    var limits = SyncLimits.contractDefaults
    limits.maxRequestBytes = configuration.maxRequestBodyBytes
    let sync = backend.sync(limits: limits, now: now)
    let tokens = backend.deviceTokens(now: now)
    let prefetch = PullPrefetch(sync: sync, backend: backend)
    let api = LeadRelayAPI(
        backend: backend, sync: sync, tokens: tokens, assignment: backend.assignment(now: now),
        metrics: metrics, logger: logger, now: now, slaHours: configuration.slaHours, prefetch: prefetch,
        pushCommits: PushCommitQueue(writers: backend.concurrentPushGroups, apply: sync.applyPushes))

    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestLogMiddleware(logger: logger))
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
    router.add(middleware: ProblemMiddleware(logger: logger))
    router.add(middleware: RequestBodyLimitMiddleware(limit: configuration.maxRequestBodyBytes))
    let metricsCredential = configuration.metricsToken.flatMap { $0.isEmpty ? nil : AdminCredential(token: $0) }
    router.get("/metrics") { request, _ -> Response in
        if let metricsCredential {
            guard let token = AuthMiddleware.bearerToken(request.headers[.authorization]),
                metricsCredential.matches(token)
            else { throw APIProblem.unauthorized("`/metrics` needs the metrics token (`serve --metrics-token-file`).") }
        }
        let text =
            metrics.rendered() + ServerMetrics.connectionLines(open: connections.current, refused: connections.refused)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
    let auth = AuthMiddleware(
        admin: configuration.adminToken.flatMap { $0.isEmpty ? nil : AdminCredential(token: $0) }, tokens: tokens,
        logger: logger)
    try api.registerHandlers(
        on: router, serverURL: URL(string: "/")!, configuration: .leadRelay,
        middlewares: [
            auth, NumericQueryMiddleware(),
            PullPrefetchMiddleware(prefetch: prefetch, metrics: metrics, bodyLimit: configuration.maxRequestBodyBytes),
        ])

    let cap = configuration.maxConnections
    let readTimeout = TimeAmount.seconds(configuration.requestReadTimeoutSeconds)
    var app = Application(
        router: router,
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [
                    ConnectionCapHandler(counter: connections, limit: cap),
                    RequestReadDeadlineHandler(timeout: readTimeout),
                ], idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
    app.addServices(RemovalPruner(sync: sync, interval: .seconds(3600), logger: logger))
    app.addServices(
        FollowUpScheduler(
            escalation: backend.escalation(slaHours: configuration.slaHours),
            recycling: backend.recycling,
            interval: configuration.followUpInterval, now: now, logger: logger))
    return app
}
