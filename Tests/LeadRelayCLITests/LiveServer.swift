import Foundation
import Hummingbird
import LeadPipeline
import LeadServer
import Logging
import SQLiteStore
import ServiceLifecycle
import StoreContract
import Synchronization

/// `leadrelay-server serve` in process: the server's composition root over the world's store,
/// listening on 127.0.0.1 (port 0 by default: a free port the system picks).
struct LiveServer: Sendable {
    /// The port it listens on.
    let port: Int
    /// The task running the application's service group.
    let task: Task<Void, any Error>
    /// The group the application runs in: shut down gracefully, as SIGTERM does for `serve`
    /// (cancelling the task instead can drop a connection NIO accepted but the server had not
    /// taken yet, which NIO traps on).
    let group: ServiceGroup

    /// The base URL devices log in to.
    var url: String { "http://127.0.0.1:\(port)" }

    struct StartTimedOut: Error {}

    /// A logger that only prints critical messages.
    static var quietLogger: Logger {
        var logger = Logger(label: "leadrelay-server-test")
        logger.logLevel = .critical
        return logger
    }

    /// Starts the server over `world`'s store and waits until it listens.
    /// - Parameters:
    ///   - port: the port to bind; 0 for any free one. A port just released may take a moment:
    ///     binding is retried for up to about 5 seconds.
    ///   - maxRequestBodyBytes: the server's body limit (`serve --max-body-bytes`).
    ///   - store: the store this server process opens (default: the world's own); a second
    ///     PostgreSQL store on the world's database stands for a second `serve` process.
    ///   - configure: changes to the rest of the configuration (timeouts, caps, tokens).
    ///   - logger: the server's logger (quiet by default).
    static func start(
        _ world: SyncWorld, store: (any HandoffStoreServices)? = nil, port: Int = 0,
        maxRequestBodyBytes: Int = ServerConfiguration.defaultMaxRequestBodyBytes,
        configure: (inout ServerConfiguration) -> Void = { _ in },
        logger: Logger = LiveServer.quietLogger
    ) async throws -> LiveServer {
        for _ in 0..<25 {
            let bound = Mutex<Int?>(nil)
            let ended = Mutex(false)
            var configuration = ServerConfiguration(
                host: "127.0.0.1", port: port, databasePath: world.databasePath,
                maxRequestBodyBytes: maxRequestBodyBytes)
            configure(&configuration)
            let app = try buildApplication(
                configuration, backend: LeadRelayBackend(store: store ?? world.store), logger: logger,
                onServerRunning: { port in bound.withLock { $0 = port } })
            let group = ServiceGroup(
                configuration: .init(
                    services: [app], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger))
            let task = Task {
                defer { ended.withLock { $0 = true } }
                try await group.run()
            }
            for _ in 0..<200 {
                if let port = bound.withLock({ $0 }) { return LiveServer(port: port, task: task, group: group) }
                if ended.withLock({ $0 }) { break }
                try await Task.sleep(nanoseconds: 10_000_000)
            }
            await group.triggerGracefulShutdown()
            _ = await task.result
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        throw StartTimedOut()
    }

    /// Shuts the server down gracefully and waits until it stopped.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Shuts the server down gracefully without waiting (for `defer`).
    func cancel() {
        let group = group
        Task { await group.triggerGracefulShutdown() }
    }
}
