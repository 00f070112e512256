import Foundation
package import LeadModel

/// Writes the JSON documents the store keeps in TEXT columns in one canonical form: object keys
/// sorted (Swift `String` order), no whitespace, numbers in Swift's shortest round-trip form. Equal
/// values give equal text, so the import can tell an unchanged row by comparing text, and the
/// text decodes with the types' own `Codable` conformances.
///
/// Written by hand into a byte buffer because an import encodes every attribute of every row
/// (9,240 rows × ~30 attributes for the Kaggle lead-scoring file): `JSONEncoder` costs several
/// times more.
package enum CanonicalJSON {
    /// `{"name":{"text":"…"},…}`: the shape of `AttributeValue`'s `Codable` form, keys sorted.
    /// - Throws: `EncodingError.invalidValue` for a NaN or infinite number (JSON has none).
    package static func encode(_ attributes: LeadAttributes) throws -> String {
        if attributes.isEmpty { return "{}" }
        var out: [UInt8] = []
        out.reserveCapacity(attributes.count * 40)
        out.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            appendString(key, to: &out)
            switch value {
            case .text(let text):
                out.append(contentsOf: #":{"text":"#.utf8)
                appendString(text, to: &out)
            case .number(let number):
                out.append(contentsOf: #":{"number":"#.utf8)
                try appendNumber(number, to: &out)
            case .bool(let flag):
                out.append(contentsOf: (flag ? #":{"bool":true"# : #":{"bool":false"#).utf8)
            case .date(let date):
                out.append(contentsOf: #":{"date":"#.utf8)
                try appendNumber(date.timeIntervalSince1970, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `{"name":"value",…}`, keys sorted.
    package static func encode(_ strings: [String: String]) -> String {
        if strings.isEmpty { return "{}" }
        var out: [UInt8] = [UInt8(ascii: "{")]
        var first = true
        for (key, value) in strings.sorted(by: { $0.key < $1.key }) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendString(value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    package static func appendNumber(_ number: Double, to out: inout [UInt8]) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, .init(codingPath: [], debugDescription: "JSON has no NaN or infinite numbers"))
        }
        if number.rounded() == number, abs(number) < 1e15 {
            // Integral values as integers: shorter, and decode to the same Double.
            out.append(contentsOf: String(Int64(number)).utf8)
        } else {
            out.append(contentsOf: number.description.utf8)
        }
    }

    package static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let needsEscape = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if needsEscape == false {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
