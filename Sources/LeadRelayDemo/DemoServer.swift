import CommandLineSupport
import Foundation
import LeadRelayServerCLI
import Synchronization

/// `leadrelay-server serve --port 0` running in this process over the demo's store, until
/// stopped (cancelled) or until SIGINT/SIGTERM (its own graceful shutdown).
struct DemoServer: Sendable {
    /// The port the system picked.
    let port: Int
    /// The task running `serve`; it ends when the server has shut down.
    let task: Task<Int32, Never>

    /// The base URL reps log in to.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Starts `serve` on 127.0.0.1 and a free port, and waits (up to 30 s) until it listens.
    /// - Throws: ``DemoFailure`` with the server's error when it does not start.
    static func start(storeArguments: [String], adminToken: String) async throws -> DemoServer {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(
            writeOut: { text in out.withLock { $0 += text } }, writeError: { text in err.withLock { $0 += text } })
        let arguments =
            ["serve"] + storeArguments + [
                "--host", "127.0.0.1", "--port", "0", "--admin-token", adminToken, "--log-level", "critical",
            ]
        let task = Task {
            await Console.$current.withValue(console) { await LeadRelayServerCommand.execute(arguments: arguments) }
        }
        let ended = Mutex(false)
        let watcher = Task {
            _ = await task.value
            ended.withLock { $0 = true }
        }
        defer { watcher.cancel() }
        for _ in 0..<3_000 {
            if let port = listeningPort(in: out.withLock({ $0 })) { return DemoServer(port: port, task: task) }
            if ended.withLock({ $0 }) { break }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        task.cancel()
        let error = err.withLock { $0 }.split(separator: "\n").first.map(String.init) ?? "it did not start in 30 s"
        throw DemoFailure("the server did not start: \(error)")
    }

    /// The port in `serve`'s `listening on http://HOST:PORT` line.
    static func listeningPort(in output: String) -> Int? {
        guard let range = output.range(of: "listening on http://") else { return nil }
        let rest = output[range.upperBound...]
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let digits = rest[rest.index(after: colon)...].prefix { $0.isNumber }
        return Int(digits)
    }

    /// Shuts the server down gracefully and waits until it stopped.
    func stop() async {
        task.cancel()
        _ = await task.value
    }

    /// Waits until the server stops by itself (Ctrl-C or SIGTERM).
    func waitUntilStopped() async { _ = await task.value }
}
