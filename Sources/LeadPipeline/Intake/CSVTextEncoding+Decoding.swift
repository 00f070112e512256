extension CSVTextEncoding {
    /// Decodes one field's bytes: `nil` when they are not valid in this encoding (only UTF-8 can
    /// fail). `auto` must be resolved before decoding; it decodes as UTF-8 here.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if UTF8Check.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        switch self {
        case .utf8, .auto:
            return String(validating: bytes, as: UTF8.self)
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                scalars.append(CSVTextEncoding.windows1252Scalars[Int(byte)])
            }
            return String(scalars)
        }
    }

    /// The character of each Windows-1252 byte, by byte value. 0x00–0x7F and 0xA0–0xFF are
    /// Latin-1; 0x80–0x9F follow the code page (the unassigned 0x81, 0x8D, 0x8F, 0x90, 0x9D stay C1).
    static let windows1252Scalars: [Unicode.Scalar] = (0...255).map { byte in
        let value = (0x80...0x9F).contains(byte) ? windows1252High[byte - 0x80] : UInt16(byte)
        return Unicode.Scalar(value)!
    }

    /// 0x80–0x9F of Windows-1252 (unicode.org's CP1252.TXT).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
