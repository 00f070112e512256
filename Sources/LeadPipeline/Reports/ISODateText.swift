public import Foundation

/// The dates an admin gives as text, on the command line (`--since`, `--now`) and in the API's
/// query parameters (`since`): `2026-03-01` (midnight UTC) or a full ISO 8601 instant
/// (`2026-03-01T09:30:00Z`, with fractional seconds or an offset if given). An impossible
/// calendar date (`2026-02-30`) is refused, never rolled over (SPEC §8).
public enum ISODateText {
    /// The instant `text` names (surrounding spaces ignored), or `nil` when it is not one of the
    /// accepted forms or names a day the calendar does not have.
    public static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard hasValidCalendarDate(text) else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        return nil
    }

    /// Whether the leading `yyyy-MM-dd` names a real day of the Gregorian calendar.
    private static func hasValidCalendarDate(_ text: String) -> Bool {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        return components.isValidDate(in: calendar)
    }
}
