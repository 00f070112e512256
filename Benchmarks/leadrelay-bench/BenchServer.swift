import Foundation
import Hummingbird
import LeadPipeline
import LeadServer
import Logging
import SQLiteStore
import StoreContract
import Synchronization

/// A Hummingbird application running in this process on 127.0.0.1 and a free port.
struct BenchServer: Sendable {
    let port: Int
    let task: Task<Void, any Error>

    var url: String { "http://127.0.0.1:\(port)" }

    /// The LeadRelay server (`serve`'s composition root) over `store`.
    static func leadRelay(store: SQLiteLeadStore, databasePath: String) async throws -> BenchServer {
        var logger = Logger(label: "leadrelay-bench")
        logger.logLevel = .critical
        let bound = Mutex<Int?>(nil)
        let app = try buildApplication(
            ServerConfiguration(host: "127.0.0.1", port: 0, databasePath: databasePath),
            backend: LeadRelayBackend(store: store),
            logger: logger, onServerRunning: { port in bound.withLock { $0 = port } })
        return try await start(port: { bound.withLock { $0 } }) {
            try await app.runService(gracefulShutdownSignals: [])
        }
    }

    /// A plain Hummingbird JSON route: `POST /plain` decodes the JSON body and answers `body`.
    static func plain(answer body: [UInt8]) async throws -> BenchServer {
        struct Request: Decodable { var protocolVersion: Int }
        var logger = Logger(label: "leadrelay-bench-plain")
        logger.logLevel = .critical
        let router = Router(context: BasicRequestContext.self)
        router.post("plain") { request, context -> Response in
            _ = try await request.decode(as: Request.self, context: context)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        let bound = Mutex<Int?>(nil)
        let app = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in bound.withLock { $0 = channel.localAddress?.port } }, logger: logger)
        return try await start(port: { bound.withLock { $0 } }) {
            try await app.runService(gracefulShutdownSignals: [])
        }
    }

    private static func start(
        port: @escaping @Sendable () -> Int?, _ body: @escaping @Sendable () async throws -> Void
    ) async throws -> BenchServer {
        let task = Task { try await body() }
        for _ in 0..<1_000 {
            if let port = port() { return BenchServer(port: port, task: task) }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        task.cancel()
        throw BenchError("a server did not start in 10 s")
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }
}
