import Foundation
import LeadModel

/// Writes the JSON documents the store keeps in TEXT columns in one canonical form: object keys
/// sorted by their UTF-8 bytes, no whitespace, numbers in Swift's shortest round-trip form. Equal
/// values give equal text, so the import can tell an unchanged row by comparing text, and the
/// text decodes with the types' own `Codable` conformances.
enum CanonicalJSON {
    /// `{"name":{"text":"…"},…}`: the shape of `AttributeValue`'s `Codable` form, keys sorted.
    /// - Throws: `EncodingError.invalidValue` for a NaN or infinite number (JSON has none).
    static func encode(_ attributes: [String: AttributeValue]) throws -> String {
        if attributes.isEmpty { return "{}" }
        var out = "{"
        out.reserveCapacity(attributes.count * 32)
        for (index, key) in attributes.keys.sorted(by: utf8Order).enumerated() {
            if index > 0 { out.append(",") }
            appendString(key, to: &out)
            out.append(":{")
            switch attributes[key]! {
            case .text(let text):
                out.append("\"text\":")
                appendString(text, to: &out)
            case .number(let number):
                out.append("\"number\":")
                try appendNumber(number, to: &out)
            case .bool(let flag):
                out.append(flag ? "\"bool\":true" : "\"bool\":false")
            case .date(let date):
                out.append("\"date\":")
                try appendNumber(date.timeIntervalSince1970, to: &out)
            }
            out.append("}")
        }
        out.append("}")
        return out
    }

    /// `{"name":"value",…}`, keys sorted.
    static func encode(_ strings: [String: String]) -> String {
        if strings.isEmpty { return "{}" }
        var out = "{"
        for (index, key) in strings.keys.sorted(by: utf8Order).enumerated() {
            if index > 0 { out.append(",") }
            appendString(key, to: &out)
            out.append(":")
            appendString(strings[key]!, to: &out)
        }
        out.append("}")
        return out
    }

    /// Sorts by UTF-8 bytes, which is also how SQLite's `json_*` functions compare keys.
    private static func utf8Order(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private static func appendNumber(_ number: Double, to out: inout String) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, .init(codingPath: [], debugDescription: "JSON has no NaN or infinite numbers"))
        }
        out.append(number.description)
    }

    private static func appendString(_ text: String, to out: inout String) {
        out.append("\"")
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(text)
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                case "\t": out.append("\\t")
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }
}
