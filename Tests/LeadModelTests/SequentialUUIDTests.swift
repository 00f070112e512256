import Foundation
import LeadModel
import Testing

/// A generator that returns the same 64 bits every time: fixed random bits for exact bytes.
private struct FixedBits: RandomNumberGenerator {
    let bits: UInt64
    mutating func next() -> UInt64 { bits }
}

@Suite("Sequential UUIDs (RFC 9562 version 8)")
struct SequentialUUIDTests {
    /// 2026-11-29 22:30:00.125 UTC: 1,795,991,400,125 ms, which is 0xA2_296D_EEBD modulo 2³².
    let noon = Date(timeIntervalSince1970: 1_795_991_400.125)

    @Test("the bytes: the clock's milliseconds modulo 2³², version 8, variant 10, random bits")
    func layout() {
        var generator = SequentialUUIDGenerator()
        var random = FixedBits(bits: 0xFFEE_DDCC_BBAA_9988)
        #expect(generator.next(at: noon, using: &random).uuidString == "296DEEBD-FFEE-8DCC-BFEE-DDCCBBAA9988")
        #expect(generator.lastSequence == 0x296D_EEBD)
    }

    @Test("in a burst the sequence runs ahead of the clock by one step per id, then waits for the clock")
    func burstThenClock() {
        var generator = SequentialUUIDGenerator()
        // Random bits 0: every step is the smallest, 1.
        var random = FixedBits(bits: 0)
        let burst = (0..<3).map { _ in generator.next(at: noon, using: &random).uuidString.prefix(8) }
        #expect(burst == ["296DEEBD", "296DEEBE", "296DEEBF"])
        // One millisecond later the sequence is still ahead: it goes on from where it is.
        #expect(generator.next(at: noon + 0.001, using: &random).uuidString.prefix(8) == "296DEEC0")
        // A second later the clock is ahead: the sequence takes it.
        #expect(generator.next(at: noon + 1, using: &random).uuidString.prefix(8) == "296DF2A5")
        // A clock that goes back does not take the sequence back.
        #expect(generator.next(at: noon, using: &random).uuidString.prefix(8) == "296DF2A6")
    }

    @Test("across the wrap at 2³² milliseconds the sequence follows the clock to 0 and on")
    func wrap() {
        var generator = SequentialUUIDGenerator()
        var random = FixedBits(bits: 0)
        // 2³² − 1 ms (and a half) after 1970, then 2 ms later (2³² + 1 ms: 1 modulo 2³²).
        let beforeWrap = Date(timeIntervalSince1970: 4_294_967.2955)
        #expect(generator.next(at: beforeWrap, using: &random).uuidString.prefix(8) == "FFFFFFFF")
        #expect(generator.next(at: beforeWrap, using: &random).uuidString.prefix(8) == "00000000")
        #expect(generator.next(at: beforeWrap + 0.002, using: &random).uuidString.prefix(8) == "00000001")
        #expect(generator.next(at: beforeWrap + 0.002, using: &random).uuidString.prefix(8) == "00000002")
    }

    @Test("steps are 1 to 1,024: random bits 1,023 (modulo 1,024) give the largest")
    func largestStep() {
        var generator = SequentialUUIDGenerator()
        var random = FixedBits(bits: 1_023)
        _ = generator.next(at: noon, using: &random)
        _ = generator.next(at: noon, using: &random)
        let expected: UInt32 = 0x296D_EEBD + 1_024
        #expect(generator.lastSequence == expected)
    }

    @Test("10,000 ids made in a row sort in order, as UUIDs and as text, with distinct 8-digit prefixes")
    func ordering() {
        let ids = (0..<10_000).map { _ in LeadID() }
        #expect(ids == ids.sorted())
        #expect(ids.map(\.description) == ids.map(\.description).sorted())
        #expect(Set(ids.map { $0.description.prefix(8) }).count == ids.count)
    }

    @Test("a new typed id has version 8 and the RFC variant")
    func typedIdentifierDefault() {
        let bytes = withUnsafeBytes(of: RepID().rawValue.uuid) { Array($0) }
        #expect(bytes[6] >> 4 == 8)
        #expect(bytes[8] >> 6 == 0b10)
    }
}
