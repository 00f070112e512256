import Foundation

/// Wall-clock timing on the monotonic clock.
enum Stopwatch {
    /// Runs `body` and returns its result and the seconds it took.
    static func time<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let result = try await body()
        let elapsed = ContinuousClock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
