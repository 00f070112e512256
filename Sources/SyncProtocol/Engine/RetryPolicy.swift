/// How the engine retries a transient transport failure: capped exponential backoff with full
/// jitter (the delay before retry `n`, counted from 1, is a random fraction of
/// `min(maximumDelay, initialDelay × multiplier^(n-1))`).
public struct RetryPolicy: Hashable, Sendable {
    /// The most attempts of one request, the first included (at least 1).
    public var maximumAttempts: Int
    /// The delay bound before the first retry, in seconds.
    public var initialDelay: Double
    /// The growth of the delay bound per retry.
    public var multiplier: Double
    /// The largest delay bound, in seconds.
    public var maximumDelay: Double

    /// A policy; the default tries 5 times with bounds 0.5, 1, 2, 4 s (capped at 30 s).
    public init(maximumAttempts: Int = 5, initialDelay: Double = 0.5, multiplier: Double = 2, maximumDelay: Double = 30)
    {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
    }

    /// No retries: one attempt.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// The delay before retry `retry` (1 for the first retry), in seconds, for a jitter draw in
    /// 0…1: `jitter × min(maximumDelay, initialDelay × multiplier^(retry-1))`.
    public func delay(beforeRetry retry: Int, jitter: Double) -> Double {
        var bound = initialDelay
        for _ in 1..<max(1, retry) {
            bound *= multiplier
            if bound >= maximumDelay { break }
        }
        return min(maximumDelay, bound) * min(1, max(0, jitter))
    }
}
