import Foundation
import SyncAPI
import Testing

/// The wire's RFC 3339 dates: written as whole UTC seconds exactly as `ISO8601DateFormatter`
/// writes them, read back in every shape the contract allows.
@Suite struct WireDateTests {
    let transcoder = LenientISO8601DateTranscoder()

    @Test func writesWhatTheFormatterWrites() throws {
        let formatter = ISO8601DateFormatter()
        var samples: [Double] = [0, -1, -0.5, 86_399.999, 951_782_400, 4_107_542_400, -2_208_988_800, 1_700_000_000.75]
        // 2,000 fixed instants from 1900 to 2200 with fractions. (Far beyond, around the year
        // 5000, the formatter itself rounds x.9998 s up through its reference-date arithmetic.)
        for step in 0..<2_000 {
            let fraction = Double((step * 7_919) % 1_000) / 1_000
            samples.append(-2_208_988_800 + Double(step) * 4_733_553.0 + fraction)
        }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(try transcoder.encode(date) == formatter.string(from: date), "\(seconds)")
        }
    }

    @Test func readsWhatItWritesToTheSecond() throws {
        for seconds in stride(from: -62_135_596_800.0, to: 253_402_300_799, by: 7_777_777.0) {
            let date = Date(timeIntervalSince1970: seconds.rounded(.down))
            #expect(try transcoder.decode(try transcoder.encode(date)) == date)
        }
    }

    @Test(arguments: [
        ("2026-11-20T09:30:00Z", 1_795_167_000.0),
        ("2026-11-20t09:30:00z", 1_795_167_000.0),
        ("2026-11-20T09:30:00.250Z", 1_795_167_000.25),
        ("2026-11-20T15:00:00+05:30", 1_795_167_000.0),
        ("2026-11-20T04:30:00-05:00", 1_795_167_000.0),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("1969-12-31T23:59:59Z", -1.0),
    ])
    func readsEveryShape(_ text: String, _ seconds: Double) throws {
        #expect(abs(try transcoder.decode(text).timeIntervalSince1970 - seconds) < 1e-6)
    }

    @Test(arguments: ["2026-11-20", "2026-11-20 09:30", "yesterday", ""])
    func refusesWhatIsNotADateTime(_ text: String) {
        #expect(throws: (any Error).self) { try transcoder.decode(text) }
    }
}
