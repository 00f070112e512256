public import Foundation

/// One imported value kept on a lead, after the mapping's value rules ran.
///
/// A missing value (blank cell, or a declared missing marker such as `Select`) is never stored
/// as an `AttributeValue`: the attribute is simply absent.
public enum AttributeValue: Hashable, Sendable {
    /// Free text, already case-folded when the mapping asked for it.
    case text(String)
    /// A number (units are the source column's; the mapping documents them).
    case number(Double)
    /// A yes/no flag.
    case bool(Bool)
    /// A calendar date or instant, parsed with a format the mapping declared.
    case date(Date)
}

extension AttributeValue: Codable {
    private enum CodingKeys: String, CodingKey { case text, number, bool, date }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else if let number = try container.decodeIfPresent(Double.self, forKey: .number) {
            self = .number(number)
        } else if let flag = try container.decodeIfPresent(Bool.self, forKey: .bool) {
            self = .bool(flag)
        } else if let seconds = try container.decodeIfPresent(Double.self, forKey: .date) {
            self = .date(Date(timeIntervalSince1970: seconds))
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected one of text, number, bool, date"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .number(let number): try container.encode(number, forKey: .number)
        case .bool(let flag): try container.encode(flag, forKey: .bool)
        case .date(let date): try container.encode(date.timeIntervalSince1970, forKey: .date)
        }
    }
}

extension AttributeValue: CustomStringConvertible {
    /// The value as a person reads it: text as is, numbers without a needless `.0`, `yes`/`no`,
    /// dates as ISO 8601 (UTC).
    public var description: String {
        switch self {
        case .text(let text): return text
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .bool(let flag): return flag ? "yes" : "no"
        case .date(let date): return date.formatted(.iso8601)
        }
    }
}
