import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline
import LeadServer
import Logging

/// `serve`: runs the HTTP server (sync API for reps, admin API, probes, metrics) until SIGTERM or
/// SIGINT, then shuts down gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the HTTP server (sync and admin API, /health, /ready, /metrics).")

    @OptionGroup var store: StoreOptions
    @Option(help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "The TCP port; 0 picks a free one and prints it.") var port: Int = 8080
    @Option(
        name: .customLong("admin-token-file"),
        help: ArgumentHelp(
            "A file (owner-only) whose first line is the admin bearer token for /v1/admin/... (default: $LEADRELAY_ADMIN_TOKEN; none refuses them all).",
            valueName: "file"))
    var adminTokenFile: String?
    @Option(
        name: .customLong("admin-token"),
        help: ArgumentHelp(
            "The admin token itself: visible to every local user in the process list; prefer --admin-token-file.",
            visibility: .hidden))
    var adminToken: String?
    @Option(
        name: .customLong("metrics-token-file"),
        help: ArgumentHelp(
            "A file whose first line is a bearer token GET /metrics then requires (default: $LEADRELAY_METRICS_TOKEN; none leaves /metrics open).",
            valueName: "file"))
    var metricsTokenFile: String?
    @Option(
        name: .customLong("idle-timeout"),
        help:
            "Seconds a connection may stay silent (before its request's headers, or between requests) before it is closed."
    )
    var idleTimeout: Int64 = 30
    @Option(
        name: .customLong("request-read-timeout"),
        help: "Seconds a client may take to send one request, headers to end of body, before its connection is closed.")
    var requestReadTimeout: Int64 = 60
    @Option(
        name: .customLong("max-connections"),
        help:
            "The most connections open at once; more are answered 503 and closed (default: 1000, or fewer to stay under the process's file descriptor limit)."
    )
    var maxConnections: Int?
    @Option(name: .customLong("max-body-bytes"), help: "The largest request body accepted, in bytes.")
    var maxBodyBytes: Int = ServerConfiguration.defaultMaxRequestBodyBytes
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"
    @Option(name: .customLong("sla-hours"), help: "Hours a lead may stay assigned before it is escalated.")
    var slaHours: Double = SLAEscalation.defaultHours
    @Option(
        name: .customLong("follow-up-every"),
        help: "Seconds between follow-up SLA and recycling rounds.")
    var followUpSeconds: Int = 300

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        guard SLAEscalation.acceptsHours(slaHours) else {
            throw ValidationError("--sla-hours: \(SLAEscalation.hoursRule), not \(slaHours)")
        }
        guard (1...3_600).contains(idleTimeout) else {
            throw ValidationError("--idle-timeout must be 1 to 3600 seconds")
        }
        guard (1...3_600).contains(requestReadTimeout) else {
            throw ValidationError("--request-read-timeout must be 1 to 3600 seconds")
        }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be at least 1") }
        guard followUpSeconds > 0 else { throw ValidationError("--follow-up-every must be at least 1 second") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level '\(logLevel)' is unknown")
        }
    }

    func run() async throws {
        let console = Console.current
        let environment = ProcessInfo.processInfo.environment
        if adminToken != nil {
            console.errorLine(
                "warning: --admin-token shows the token to every local user (/proc/PID/cmdline); use --admin-token-file or $LEADRELAY_ADMIN_TOKEN"
            )
        }
        let token =
            try adminToken ?? SecretFile.read(adminTokenFile, option: "--admin-token-file")
            ?? environment["LEADRELAY_ADMIN_TOKEN"]
        let metricsToken =
            try SecretFile.read(metricsTokenFile, option: "--metrics-token-file")
            ?? environment["LEADRELAY_METRICS_TOKEN"]
        let connectionCap = maxConnections ?? DescriptorLimit.defaultConnectionCap()
        if let maxConnections, let room = DescriptorLimit.connectionRoom(), maxConnections > room {
            console.errorLine(
                "warning: --max-connections \(maxConnections) is more than the open-file limit leaves room for (\(room)); raise it with 'ulimit -n' or lower the cap"
            )
        }
        let location = try store.location()
        let databaseURL = store.databaseURL ?? ProcessInfo.processInfo.environment[StoreLocation.databaseURLVariable]
        let configuration = ServerConfiguration(
            host: host, port: port, databasePath: store.databasePath,
            databaseURL: databaseURL.flatMap { $0.isEmpty ? nil : $0 }, adminToken: token,
            maxRequestBodyBytes: maxBodyBytes, slaHours: slaHours, followUpInterval: .seconds(followUpSeconds),
            idleTimeoutSeconds: idleTimeout, requestReadTimeoutSeconds: requestReadTimeout,
            maxConnections: connectionCap, metricsToken: metricsToken)
        var logger = Logger(label: "leadrelay-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let host = host
        let app: LeadRelayApplication
        do {
            app = try buildApplication(configuration, logger: logger) { boundPort in
                console.line("listening on http://\(host):\(boundPort)")
            }
        } catch {
            throw CommandFailure("cannot open the store at \(location): \(error)")
        }
        if token == nil || token?.isEmpty == true {
            console.errorLine(
                "warning: no admin token (--admin-token-file or LEADRELAY_ADMIN_TOKEN); admin operations answer 401")
        }
        do {
            try await runUntilShutdown(app)
        } catch is CancellationError {
            // The embedding task was cancelled (in-process tests): a clean stop, like SIGTERM.
        }
    }
}
