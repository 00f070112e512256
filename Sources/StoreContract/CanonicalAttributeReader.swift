import Foundation
package import LeadModel

/// Reads exactly the canonical attributes form of ``CanonicalJSON``; `nil` for anything else
/// (the caller then falls back to `JSONDecoder`). Valid only while `bytes` is. Names are given
/// slots by the caller's ``AttributeNameInterner`` (one per batch of leads).
package struct CanonicalAttributeReader {
    package let bytes: UnsafeBufferPointer<UInt8>
    package var index = 0

    package init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The document's entries with their names' slots, in document order; `nil` when it is not
    /// in the canonical form.
    package mutating func read(names: inout AttributeNameInterner) -> [(slot: Int, value: AttributeValue)]? {
        guard consume(UInt8(ascii: "{")) else { return nil }
        var result: [(slot: Int, value: AttributeValue)] = []
        if consume(UInt8(ascii: "}")) { return index == bytes.count ? result : nil }
        while true {
            guard let key = string(), consume(UInt8(ascii: ":")), consume(UInt8(ascii: "{")),
                let kind = string(), consume(UInt8(ascii: ":"))
            else { return nil }
            let value: AttributeValue
            switch kind {
            case "text":
                guard let text = string() else { return nil }
                value = .text(text)
            case "number":
                guard let number = number() else { return nil }
                value = .number(number)
            case "date":
                guard let seconds = number() else { return nil }
                value = .date(Date(timeIntervalSince1970: seconds))
            case "bool":
                if literal("true") {
                    value = .bool(true)
                } else if literal("false") {
                    value = .bool(false)
                } else {
                    return nil
                }
            default: return nil
            }
            result.append((names.slot(of: key), value))
            guard consume(UInt8(ascii: "}")) else { return nil }
            if consume(UInt8(ascii: "}")) { return index == bytes.count ? result : nil }
            guard consume(UInt8(ascii: ",")) else { return nil }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// A string without escapes (an escape sends the document to `JSONDecoder`).
    private mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    private mutating func number() -> Double? {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                return index > start
                    ? Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    : nil
            }
        }
        return nil
    }
}
