/// Byte-level UTF-8 checks used by the reader: a quick ASCII test and a streaming validator that
/// keeps its state across chunk boundaries (RFC 3629 / Unicode Table 3-7: no overlongs, no
/// surrogates, nothing above U+10FFFF).
struct UTF8Check {
    /// Continuation bytes still expected by the current sequence.
    private var pending = 0
    /// Allowed range of the next continuation byte.
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// `false` once an invalid byte was seen.
    private(set) var isValidSoFar = true

    /// Whether everything consumed so far is valid and no sequence is left open.
    var isComplete: Bool { isValidSoFar && pending == 0 }

    /// Whether every byte is below 0x80.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// Feeds the next bytes of the stream.
    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard isValidSoFar else { return }
        for byte in bytes {
            if pending == 0 {
                if byte < 0x80 { continue }
                switch byte {
                case 0xC2...0xDF: pending = 1
                case 0xE0: pending = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: pending = 2
                case 0xED: pending = 2; upper = 0x9F
                case 0xF0: pending = 3; lower = 0x90
                case 0xF1...0xF3: pending = 3
                case 0xF4: pending = 3; upper = 0x8F
                default: isValidSoFar = false; return
                }
            } else {
                guard byte >= lower, byte <= upper else { isValidSoFar = false; return }
                lower = 0x80
                upper = 0xBF
                pending -= 1
            }
        }
    }
}
