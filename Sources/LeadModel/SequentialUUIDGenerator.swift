public import Foundation

/// Makes sequential UUIDs: version 8 (RFC 9562 §5.8, the layout is ours) with a 32-bit sequence
/// in front and 90 random bits after it.
///
/// The sequence follows the clock in milliseconds (modulo 2³², so it wraps every 49.7 days) and
/// goes up by a random step of 1 to 1,024 for every id, running ahead of the clock in a burst
/// such as an import: `next = max(previous + step, now)`, compared in wrapping arithmetic
/// (RFC 1982 §3.2). The random step keeps neighbouring ids from being one apart, so a mistyped
/// last digit of a short id rarely names another lead. So:
/// - ids made one after the other sort one after the other, as UUIDs and as the store's
///   lower-case text: the store's indexes keyed by lead id take a batch of leads made together
///   (an import, a hand-off) on neighbouring pages, so a push of verdicts on them writes a few
///   index pages instead of one per lead;
/// - their first 8 hex digits (the sequence) still differ, so the short ids the CLIs show and
///   accept stay unique prefixes, which a time-first layout (UUID version 7: 48 bits of
///   milliseconds in front) would not give: every lead of one import would share them;
/// - ids stay unique across processes and machines through the 90 random bits alone.
///
/// The sequence is per process. In a burst it runs ahead of the clock by about 512 ms per id
/// (a 10,000-lead import: about 1.4 hours); another process that makes ids within that time
/// starts at the clock, so its ids interleave with the burst's, and about 1 in 512 of them may
/// share its 8-digit prefix with one of the burst's (the CLIs then ask for more characters).
///
/// Layout, by bit: 0–31 the sequence (big-endian); 32–47 random; 48–51 the version, `1000`;
/// 52–63 random; 64–65 the variant, `10`; 66–127 random.
public struct SequentialUUIDGenerator: Sendable {
    /// The largest step of the sequence from one id to the next: 1,024.
    public static let maximumStep: UInt32 = 1_024

    /// The sequence of the last id made (`nil` before the first).
    public private(set) var lastSequence: UInt32?

    /// A generator whose first id takes the clock's sequence.
    public init() {}

    /// The next id.
    /// - Parameters:
    ///   - date: the clock reading (milliseconds since 1970, modulo 2³², are the sequence's floor).
    ///   - generator: the source of the step and the 90 random bits.
    public mutating func next(at date: Date, using generator: inout some RandomNumberGenerator) -> UUID {
        // Clamped to 0...2⁶² so the conversion cannot trap on a date far from now.
        let milliseconds = UInt64(min(max(0, date.timeIntervalSince1970 * 1_000), 0x1p62).rounded(.down))
        let clock = UInt32(truncatingIfNeeded: milliseconds)
        // Two draws: `high`'s upper half and `low` give the random bits, `high`'s lower half the step.
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        let step = UInt32(truncatingIfNeeded: high) % Self.maximumStep + 1
        let sequence: UInt32
        if let last = lastSequence, Int32(bitPattern: clock &- (last &+ step)) <= 0 {
            sequence = last &+ step
        } else {
            sequence = clock
        }
        lastSequence = sequence
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { buffer in
            for index in 0..<4 { buffer[index] = UInt8(truncatingIfNeeded: sequence >> (24 - 8 * index)) }
            buffer[4] = UInt8(truncatingIfNeeded: high >> 56)
            buffer[5] = UInt8(truncatingIfNeeded: high >> 48)
            buffer[6] = 0x80 | UInt8(truncatingIfNeeded: high >> 40) & 0x0F
            buffer[7] = UInt8(truncatingIfNeeded: high >> 32)
            buffer[8] = 0x80 | UInt8(truncatingIfNeeded: low >> 56) & 0x3F
            for index in 9..<16 { buffer[index] = UInt8(truncatingIfNeeded: low >> (8 * (15 - index))) }
        }
        return UUID(uuid: bytes)
    }
}
