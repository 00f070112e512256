package import Foundation
package import OpenAPIRuntime

/// RFC 3339 date-times as the contract's `format: date-time` allows them: with or without
/// fractional seconds, `Z` or a numeric offset. Dates are written without fractions.
package struct LenientISO8601DateTranscoder: DateTranscoder {
    private let plain = ISO8601DateTranscoder()
    private let fractional = ISO8601DateTranscoder(options: [.withInternetDateTime, .withFractionalSeconds])

    /// Creates the transcoder.
    package init() {}

    /// `2026-11-20T09:30:00Z`.
    package func encode(_ date: Date) throws -> String { try plain.encode(date) }

    /// Reads a date-time with or without fractional seconds.
    /// - Throws: The runtime's decoding error when the text is neither.
    package func decode(_ text: String) throws -> Date {
        if let date = try? plain.decode(text) { return date }
        return try fractional.decode(text)
    }
}

extension Configuration {
    /// The runtime configuration server and client share: lenient RFC 3339 dates, compact sorted
    /// JSON (no pretty printing: fewer bytes on the wire for large pulls).
    package static var leadRelay: Configuration {
        Configuration(dateTranscoder: LenientISO8601DateTranscoder(), jsonEncodingOptions: [.sortedKeys])
    }
}
