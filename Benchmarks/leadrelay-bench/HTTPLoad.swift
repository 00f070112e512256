import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Closed-loop load on 127.0.0.1: `clients` concurrent clients, each sending its own request
/// again as soon as the answer arrived, for a fixed time and at most a fixed number of requests.
struct HTTPLoad: Sendable {
    /// What one load run did.
    struct Result {
        var completed: Int
        var failed: Int
        var seconds: Double
        var perSecond: Double { Double(completed) / seconds }
    }

    let session: URLSession

    init(connections: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = connections
        configuration.timeoutIntervalForRequest = 30
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    /// One request's answer: the status and body.
    func send(_ request: URLRequest) async throws -> (Int, Data) {
        try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error { return continuation.resume(throwing: error) }
                continuation.resume(returning: ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()))
            }.resume()
        }
    }

    /// Runs `requests.count` clients for `seconds` (after a one-second warm-up), or until
    /// `maximumRequests` answers arrived.
    func run(requests: [URLRequest], seconds: Double, maximumRequests: Int) async -> Result {
        let counters = Counters()
        let deadline = ContinuousClock.now + .milliseconds(Int((seconds + 1) * 1_000))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(for: .seconds(1))
                counters.startMeasuring()
            }
            for request in requests {
                group.addTask {
                    while ContinuousClock.now < deadline, counters.completed.load(ordering: .relaxed) < maximumRequests
                    {
                        let ok = (try? await send(request))?.0 == 200
                        counters.record(ok: ok)
                    }
                }
            }
        }
        let elapsed = ContinuousClock.now - counters.start.withLock { $0 }
        return Result(
            completed: counters.completed.load(ordering: .relaxed), failed: counters.failed.load(ordering: .relaxed),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Answers counted once the warm-up is over.
    final class Counters: Sendable {
        let completed = Atomic<Int>(0)
        let failed = Atomic<Int>(0)
        let measuring = Atomic<Bool>(false)
        let start = Mutex(ContinuousClock.now)

        func startMeasuring() {
            start.withLock { $0 = ContinuousClock.now }
            measuring.store(true, ordering: .sequentiallyConsistent)
        }

        func record(ok: Bool) {
            guard measuring.load(ordering: .relaxed) else { return }
            if ok {
                completed.add(1, ordering: .relaxed)
            } else {
                failed.add(1, ordering: .relaxed)
            }
        }
    }
}
