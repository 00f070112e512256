import Foundation
import LeadScoring

/// The seeded generator of the randomised tests: LeadScoring's ``SplitMix64``, so a failing run
/// replays from the seed it prints, with the seed read from an environment variable.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var base: SplitMix64

    /// A generator that draws the sequence of `seed`.
    public init(seed: UInt64) { base = SplitMix64(seed: seed) }

    /// The next 64 bits of the seed's sequence.
    public mutating func next() -> UInt64 { base.next() }

    /// The seed a randomised test runs with: the decimal value of the environment variable
    /// `variable` when set (to replay a failing run), else `fallback`, fixed so that every run
    /// in CI is the same unless asked otherwise.
    public static func seed(from variable: String, default fallback: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment[variable].flatMap { UInt64($0) } ?? fallback
    }
}
