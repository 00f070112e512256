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
        name: .customLong("admin-token"),
        help: "The admin bearer token for /v1/admin/... (default: $LEADRELAY_ADMIN_TOKEN; none refuses them all).")
    var adminToken: String?
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
        guard slaHours > 0 else { throw ValidationError("--sla-hours must be more than 0, not \(slaHours)") }
        guard followUpSeconds > 0 else { throw ValidationError("--follow-up-every must be at least 1 second") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level '\(logLevel)' is unknown")
        }
    }

    func run() async throws {
        let token = adminToken ?? ProcessInfo.processInfo.environment["LEADRELAY_ADMIN_TOKEN"]
        let configuration = ServerConfiguration(
            host: host, port: port, databasePath: store.databasePath, adminToken: token,
            maxRequestBodyBytes: maxBodyBytes, slaHours: slaHours, followUpInterval: .seconds(followUpSeconds))
        var logger = Logger(label: "leadrelay-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let console = Console.current
        let host = host
        let app: LeadRelayApplication
        do {
            app = try buildApplication(configuration, logger: logger) { boundPort in
                console.line("listening on http://\(host):\(boundPort)")
            }
        } catch {
            throw CommandFailure("cannot open the store at \(store.databasePath): \(error)")
        }
        if token == nil || token?.isEmpty == true {
            console.errorLine(
                "warning: no admin token (--admin-token or LEADRELAY_ADMIN_TOKEN); admin operations answer 401")
        }
        do {
            try await runUntilShutdown(app)
        } catch is CancellationError {
            // The embedding task was cancelled (in-process tests): a clean stop, like SIGTERM.
        }
    }
}
