import Foundation

/// SplitMix64: a small, seeded random number generator, so that a randomised test's run can be
/// replayed from the seed it prints.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that draws the sequence of `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The seed a randomised test runs with: the decimal value of the environment variable
    /// `variable` when set (to replay a failing run), else `fallback`, fixed so that every run
    /// in CI is the same unless asked otherwise.
    public static func seed(from variable: String, default fallback: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment[variable].flatMap { UInt64($0) } ?? fallback
    }
}
