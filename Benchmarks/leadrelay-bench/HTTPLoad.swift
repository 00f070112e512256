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
        let completed = Atomic<Int>(0)
        let failed = Atomic<Int>(0)
        let measuring = Atomic<Bool>(false)
        let deadline = ContinuousClock.now + .milliseconds(Int((seconds + 1) * 1_000))
        let start = Mutex(ContinuousClock.now)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(for: .seconds(1))
                start.withLock { $0 = ContinuousClock.now }
                measuring.store(true, ordering: .sequentiallyConsistent)
            }
            for request in requests {
                group.addTask {
                    while ContinuousClock.now < deadline,
                        completed.load(ordering: .relaxed) < maximumRequests
                    {
                        let ok = (try? await send(request))?.0 == 200
                        guard measuring.load(ordering: .relaxed) else { continue }
                        if ok {
                            completed.add(1, ordering: .relaxed)
                        } else {
                            failed.add(1, ordering: .relaxed)
                        }
                    }
                }
            }
        }
        let elapsed = ContinuousClock.now - start.withLock { $0 }
        return Result(
            completed: completed.load(ordering: .relaxed), failed: failed.load(ordering: .relaxed),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
