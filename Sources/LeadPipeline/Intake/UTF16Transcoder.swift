/// Streams UTF-16 bytes (one byte order, the byte-order mark already consumed) into UTF-8 bytes,
/// chunk by chunk, keeping an odd trailing byte and an unpaired high surrogate across chunk
/// boundaries (Unicode 15, §3.9 D91).
///
/// Text from Excel's "Unicode Text" export and from PowerShell's `Out-File` arrives this way.
/// A lone surrogate or an odd final byte becomes the byte 0xFF, which is never valid UTF-8: the
/// field holding it is reported as undecodable, never stored with a substitute character.
struct UTF16Transcoder {
    /// The order of the two bytes of a UTF-16 code unit.
    enum ByteOrder: Sendable {
        /// `FF FE` mark; Windows' default.
        case littleEndian
        /// `FE FF` mark.
        case bigEndian
    }

    /// The byte order, from the file's mark.
    let byteOrder: ByteOrder
    private var leftoverByte: UInt8?
    private var pendingHighSurrogate: UInt16?

    init(byteOrder: ByteOrder) { self.byteOrder = byteOrder }

    /// The byte order `bytes` start with a mark of, or `nil` (a UTF-8 file, or no mark).
    static func byteOrder(markedAtStartOf bytes: some Collection<UInt8>) -> ByteOrder? {
        var iterator = bytes.makeIterator()
        guard let first = iterator.next(), let second = iterator.next() else { return nil }
        switch (first, second) {
        case (0xFF, 0xFE): return .littleEndian
        case (0xFE, 0xFF): return .bigEndian
        default: return nil
        }
    }

    /// Appends the UTF-8 encoding of `bytes` to `output`; `atEnd` flushes what is left open.
    mutating func transcode(_ bytes: some Sequence<UInt8>, into output: inout [UInt8], atEnd: Bool = false) {
        for byte in bytes {
            guard let first = leftoverByte else {
                leftoverByte = byte
                continue
            }
            leftoverByte = nil
            let unit =
                byteOrder == .littleEndian
                ? UInt16(first) | UInt16(byte) << 8
                : UInt16(first) << 8 | UInt16(byte)
            append(unit, to: &output)
        }
        if atEnd {
            if pendingHighSurrogate != nil || leftoverByte != nil { output.append(0xFF) }
            pendingHighSurrogate = nil
            leftoverByte = nil
        }
    }

    private mutating func append(_ unit: UInt16, to output: inout [UInt8]) {
        switch unit {
        case 0xD800...0xDBFF:
            if pendingHighSurrogate != nil { output.append(0xFF) }
            pendingHighSurrogate = unit
        case 0xDC00...0xDFFF:
            guard let high = pendingHighSurrogate else {
                output.append(0xFF)
                return
            }
            pendingHighSurrogate = nil
            let value = 0x10000 + (UInt32(high - 0xD800) << 10 | UInt32(unit - 0xDC00))
            output.append(contentsOf: Unicode.Scalar(value).map { Array(String($0).utf8) } ?? [0xFF])
        default:
            if pendingHighSurrogate != nil {
                output.append(0xFF)
                pendingHighSurrogate = nil
            }
            let scalar = Unicode.Scalar(unit)!
            if unit < 0x80 {
                output.append(UInt8(unit))
            } else {
                output.append(contentsOf: String(scalar).utf8)
            }
        }
    }
}
