/// Appends JSON text to a byte buffer: the few pieces ``SyncedLead/documentJSON()`` needs.
struct DocumentWriter {
    /// The UTF-8 JSON written so far.
    var bytes: [UInt8] = []

    /// Appends text that needs no escaping (punctuation, keys, digits).
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends `,"key":`.
    mutating func key(_ key: String) {
        bytes.append(UInt8(ascii: ","))
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends `,"key":"value"` when `value` is not `nil`.
    mutating func optional(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    /// Appends a JSON string: `"` and `\` escaped, control characters as `\u00XX` (or `\n`,
    /// `\r`, `\t`), every other character as its UTF-8 bytes.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0f)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a number in the shortest form that reads back to the same `Double`.
    /// - Returns: `false` (nothing appended) for infinity or NaN, which JSON cannot hold.
    mutating func number(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        bytes.append(contentsOf: value.description.utf8)
        return true
    }
}
