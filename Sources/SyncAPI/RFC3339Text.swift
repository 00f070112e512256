import Foundation
import LeadModel

/// The RFC 3339 date-time text of the wire, read and written on its UTF-8 bytes (proleptic
/// Gregorian calendar, days counted from 1970-01-01 by ``CivilCalendar``).
/// Covers years 1…9999; ``LenientISO8601DateTranscoder`` hands anything else to a formatter.
enum RFC3339Text {
    /// Seconds in a day.
    static let secondsPerDay: Int64 = 86_400

    /// `yyyy-MM-ddTHH:mm:ssZ` in UTC, the fraction dropped (rounding down); `nil` outside years
    /// 1…9999 or for a date that is not finite.
    static func format(_ date: Date) -> String? {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, abs(interval) < 300_000_000_000 else { return nil }
        let seconds = Int64(interval.rounded(.down))
        var days = seconds / secondsPerDay
        var second = seconds % secondsPerDay
        if second < 0 {
            second += secondsPerDay
            days -= 1
        }
        let civil = CivilCalendar.date(daysSince1970: Int(days))
        let (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        guard (1...9999).contains(year) else { return nil }
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int64, at offset: Int, digits: Int) {
            var rest = value
            for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        put(year, at: 0, digits: 4)
        bytes[4] = UInt8(ascii: "-")
        put(month, at: 5, digits: 2)
        bytes[7] = UInt8(ascii: "-")
        put(day, at: 8, digits: 2)
        bytes[10] = UInt8(ascii: "T")
        put(second / 3_600, at: 11, digits: 2)
        bytes[13] = UInt8(ascii: ":")
        put(second / 60 % 60, at: 14, digits: 2)
        bytes[16] = UInt8(ascii: ":")
        put(second % 60, at: 17, digits: 2)
        bytes[19] = UInt8(ascii: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads `yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)` (`T` or `t`, `Z` or `z`); `nil` for any
    /// other shape or an impossible date (month 13, February 30, hour 24, second 60).
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// ``parse(_:)`` on the UTF-8 bytes.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count >= 20 else { return nil }
        func number(_ offset: Int, _ digits: Int) -> Int64? {
            var value: Int64 = 0
            for index in offset..<(offset + digits) {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == UInt8(ascii: "-"), let month = number(5, 2),
            bytes[7] == UInt8(ascii: "-"), let day = number(8, 2),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"), let hour = number(11, 2),
            bytes[13] == UInt8(ascii: ":"), let minute = number(14, 2), bytes[16] == UInt8(ascii: ":"),
            let second = number(17, 2)
        else { return nil }
        guard year >= 1, (1...12).contains(month), day >= 1,
            day <= CivilCalendar.daysIn(month: Int(month), year: Int(year)), hour < 24,
            minute < 60, second < 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            var digits: Int64 = 0
            var scale = 1.0
            while index < bytes.count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                if index - start < 18 {
                    digits = digits * 10 + Int64(digit)
                    scale *= 10
                }
                index += 1
            }
            guard index > start else { return nil }
            fraction = Double(digits) / scale
        }
        guard index < bytes.count else { return nil }
        var offset: Int64 = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.count - index == 6, let offsetHours = number(index + 1, 2),
                bytes[index + 3] == UInt8(ascii: ":"), let offsetMinutes = number(index + 4, 2), offsetHours < 24,
                offsetMinutes < 60
            else { return nil }
            offset = (offsetHours * 60 + offsetMinutes) * 60
            if bytes[index] == UInt8(ascii: "-") { offset = -offset }
            index += 6
        default:
            return nil
        }
        guard index == bytes.count else { return nil }
        let seconds =
            Int64(CivilCalendar.daysSince1970(year: Int(year), month: Int(month), day: Int(day))) * secondsPerDay + hour
            * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds - offset) + fraction)
    }
}
