import Foundation
import Hummingbird
import LeadPipeline
import LeadServer
import Logging
import ServerStore
import Synchronization

/// `leadrelay-server serve` in process: the server's composition root over the world's store,
/// listening on 127.0.0.1 (port 0 by default: a free port the system picks).
struct LiveServer: Sendable {
    /// The port it listens on.
    let port: Int
    /// The task running the application; cancelling it shuts the server down.
    let task: Task<Void, any Error>

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
    ///   - configure: changes to the rest of the configuration (timeouts, caps, tokens).
    ///   - logger: the server's logger (quiet by default).
    static func start(
        _ world: SyncWorld, port: Int = 0,
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
                configuration, store: world.store, logger: logger,
                onServerRunning: { port in bound.withLock { $0 = port } })
            let task = Task {
                defer { ended.withLock { $0 = true } }
                try await app.runService(gracefulShutdownSignals: [])
            }
            for _ in 0..<200 {
                if let port = bound.withLock({ $0 }) { return LiveServer(port: port, task: task) }
                if ended.withLock({ $0 }) { break }
                try await Task.sleep(nanoseconds: 10_000_000)
            }
            task.cancel()
            _ = await task.result
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        throw StartTimedOut()
    }

    /// Shuts the server down and waits until it stopped listening.
    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Shuts the server down without waiting (for `defer`).
    func cancel() { task.cancel() }
}
