package import Foundation
package import OpenAPIRuntime

/// RFC 3339 date-times as the contract's `format: date-time` allows them: with or without
/// fractional seconds, `Z` or a numeric offset. Dates are written without fractions, in UTC.
///
/// The usual shapes (`2026-11-20T09:30:00Z`, `2026-11-20T09:30:00.250+05:30`, years 1…9999) are
/// read and written by hand on the UTF-8 bytes, with no formatter and no lock: a pull page of
/// 5,000 leads carries a date per lead and per note, and the locked `ISO8601DateFormatter` cost
/// more than the rest of the lead's JSON. Anything else falls back to the runtime's ISO 8601
/// transcoders, so what was accepted before still is.
package struct LenientISO8601DateTranscoder: DateTranscoder {
    private let plain = ISO8601DateTranscoder()
    private let fractional = ISO8601DateTranscoder(options: [.withInternetDateTime, .withFractionalSeconds])

    /// Creates the transcoder.
    package init() {}

    /// `2026-11-20T09:30:00Z`: whole seconds (the fraction is dropped, rounding down), UTC.
    package func encode(_ date: Date) throws -> String {
        if let text = RFC3339Text.format(date) { return text }
        return try plain.encode(date)
    }

    /// Reads a date-time with or without fractional seconds, `Z` or a `±hh:mm` offset.
    /// - Throws: The runtime's decoding error when the text is neither.
    package func decode(_ text: String) throws -> Date {
        if let date = RFC3339Text.parse(text) { return date }
        if let date = try? plain.decode(text) { return date }
        return try fractional.decode(text)
    }
}

extension Configuration {
    /// The runtime configuration server and client share: lenient RFC 3339 dates, compact JSON
    /// (no pretty printing: fewer bytes on the wire for large pulls) with keys in the schema's
    /// order (not sorted: sorting every object's keys cost the encoding of a 5,000-lead pull page
    /// time for nothing a reader of JSON needs; the order is still the same on every run).
    package static var leadRelay: Configuration {
        Configuration(dateTranscoder: LenientISO8601DateTranscoder(), jsonEncodingOptions: [])
    }
}
