import Foundation
import LeadModel

/// A strict date pattern such as `yyyy-MM-dd`, `dd/MM/yyyy` or `yyyy-MM-dd HH:mm:ss`, read in
/// UTC with POSIX digits. Strict means: the whole value must match, and the components must make
/// a real date — `2023-02-30` is an error, never rolled over to March.
///
/// Tokens: `yyyy` (4 digits), `MM`/`dd`/`HH`/`mm`/`ss` (exactly 2 digits), `M`/`d`/`H`
/// (1 or 2 digits), `SSS` (fractional seconds, 1 to 9 digits), `XXX` (an ISO 8601 offset from
/// UTC: `Z`, `+02:00`, `-0530` or `+02`; the time is converted to UTC), `'…'` quoted literal
/// text; any other non-letter is a literal.
struct DatePattern: Hashable, Sendable {
    /// What one value gave.
    enum Outcome: Hashable, Sendable {
        /// A real date (UTC).
        case date(Date)
        /// The value has the pattern's shape but is not a real date; carries the reason.
        case impossible(String)
        /// The value does not have the pattern's shape.
        case mismatch
    }

    private enum Token: Hashable, Sendable {
        case year, month(exact: Bool), day(exact: Bool), hour(exact: Bool), minute, second
        case fraction, zoneOffset
        case literal(UInt8)
    }

    private let tokens: [Token]
    /// The pattern as written.
    let format: String

    /// The patterns accepted when a date column declares no format: ISO 8601 date, optionally
    /// with a time (space or `T`), optional fractional seconds, and an optional offset from UTC
    /// (`Z`, `+02:00`, `-0530`); a time without an offset is read as UTC.
    static let isoDefaults: [DatePattern] = [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssXXX",
        "yyyy-MM-dd HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
        "yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd HH:mm:ss.SSSXXX",
    ].compactMap(DatePattern.init)

    private static let dayFirst = ["d/M/yyyy", "d.M.yyyy", "d-M-yyyy"].compactMap(DatePattern.init)
    private static let monthFirst = ["M/d/yyyy", "M.d.yyyy", "M-d-yyyy"].compactMap(DatePattern.init)

    /// Parses a pattern; `nil` when it uses letters other than the tokens above.
    init?(_ format: String) {
        var tokens: [Token] = []
        let bytes = Array(format.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "'") {
                    tokens.append(.literal(bytes[index]))
                    index += 1
                }
                guard index < bytes.count else { return nil }
                index += 1
                continue
            }
            var run = 1
            while index + run < bytes.count, bytes[index + run] == byte { run += 1 }
            switch (UnicodeScalar(byte), run) {
            case ("y", 4): tokens.append(.year)
            case ("M", 1), ("M", 2): tokens.append(.month(exact: run == 2))
            case ("d", 1), ("d", 2): tokens.append(.day(exact: run == 2))
            case ("H", 1), ("H", 2): tokens.append(.hour(exact: run == 2))
            case ("m", 2): tokens.append(.minute)
            case ("s", 2): tokens.append(.second)
            case ("S", 3): tokens.append(.fraction)
            case ("X", 3): tokens.append(.zoneOffset)
            default:
                guard !(byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A) else { return nil }
                for _ in 0..<run { tokens.append(.literal(byte)) }
            }
            index += run
        }
        guard tokens.contains(.year), tokens.contains(where: { if case .day = $0 { true } else { false } }),
            tokens.contains(where: { if case .month = $0 { true } else { false } })
        else { return nil }
        self.tokens = tokens
        self.format = format
    }

    /// Reads `value` (surrounding spaces already trimmed) with this pattern.
    func read(_ value: String) -> Outcome {
        let bytes = Array(value.utf8)
        var index = 0
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        func digits(min: Int, max: Int) -> Int? {
            var count = 0
            var number = 0
            while count < max, index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                number = number * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count >= min ? number : nil
        }
        for token in tokens {
            let number: Int?
            switch token {
            case .literal(let byte):
                guard index < bytes.count, bytes[index] == byte else { return .mismatch }
                index += 1
                continue
            case .year: number = digits(min: 4, max: 4); year = number ?? 0
            case .month(let exact): number = digits(min: exact ? 2 : 1, max: 2); month = number ?? 0
            case .day(let exact): number = digits(min: exact ? 2 : 1, max: 2); day = number ?? 0
            case .hour(let exact): number = digits(min: exact ? 2 : 1, max: 2); hour = number ?? 0
            case .minute: number = digits(min: 2, max: 2); minute = number ?? 0
            case .second: number = digits(min: 2, max: 2); second = number ?? 0
            case .fraction:
                let start = index
                number = digits(min: 1, max: 9)
                fraction = Double(number ?? 0) / pow(10, Double(index - start))
            case .zoneOffset:
                guard index < bytes.count else { return .mismatch }
                if bytes[index] == UInt8(ascii: "Z") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return .mismatch }
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let hours = digits(min: 2, max: 2) else { return .mismatch }
                if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
                let minutes = index < bytes.count ? digits(min: 2, max: 2) ?? 0 : 0
                guard hours <= 18, minutes < 60 else {
                    return .impossible("'\(value)' has no real offset from UTC (\(format))")
                }
                offsetSeconds = sign * (hours * 3_600 + minutes * 60)
                number = hours
            }
            guard number != nil else { return .mismatch }
        }
        guard index == bytes.count else { return .mismatch }
        guard (1...12).contains(month) else {
            return .impossible("'\(value)' is not a real date (\(format)): there is no month \(month)")
        }
        let monthLength = CivilCalendar.daysIn(month: month, year: year)
        guard (1...monthLength).contains(day) else {
            let monthName = Self.monthNames[month - 1]
            return .impossible(
                "'\(value)' is not a real date (\(format)): \(monthName) \(year) has \(monthLength) days")
        }
        guard hour < 24, minute < 60, second < 60 else {
            return .impossible("'\(value)' is not a real time of day (\(format))")
        }
        let days = CivilCalendar.daysSince1970(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
        return .date(Date(timeIntervalSince1970: TimeInterval(seconds) + fraction))
    }

    /// Reads a value of a date column that declares no format: ISO dates are read; a slashed
    /// (or dotted) day-month-year that fits both day-first and month-first is "ambiguous";
    /// anything else asks for a `format`. The error is the row problem's reason.
    static func readUndeclared(_ value: String) -> Result<Date, ValueRuleViolation> {
        for pattern in isoDefaults {
            switch pattern.read(value) {
            case .date(let date): return .success(date)
            case .impossible(let reason): return .failure(ValueRuleViolation(reason: reason))
            case .mismatch: continue
            }
        }
        let dayFirstFits = dayFirst.contains { if case .date = $0.read(value) { true } else { false } }
        let monthFirstFits = monthFirst.contains { if case .date = $0.read(value) { true } else { false } }
        if dayFirstFits && monthFirstFits {
            return .failure(
                ValueRuleViolation(
                    reason: "ambiguous date '\(value)' (dd/MM/yyyy or MM/dd/yyyy?): declare `format` for this column"))
        }
        return .failure(
            ValueRuleViolation(reason: "'\(value)' is not an ISO date (yyyy-MM-dd): declare `format` for this column"))
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
