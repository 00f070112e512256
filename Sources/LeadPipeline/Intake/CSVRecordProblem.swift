/// Why the reader could not give a record's text; the record is reported, never stored.
public enum CSVRecordProblem: Hashable, Sendable {
    /// A field was longer than the reader's limit (bytes); its bytes were skipped, not buffered.
    /// `column` is 0-based.
    case fieldTooLarge(column: Int, limitBytes: Int)
    /// A field's bytes are not valid UTF-8 (strict decoding; no replacement characters).
    /// `column` is 0-based.
    case invalidUTF8(column: Int)
    /// A field holds a NUL byte (U+0000), which no lead value may contain (a NUL would cut the
    /// value short in C-based tools downstream). `column` is 0-based.
    case nulByte(column: Int)
    /// The file ended inside a quoted field (a quote was opened and never closed).
    case unterminatedQuote

    /// The 0-based column the problem is in, when it is in one field.
    public var column: Int? {
        switch self {
        case .fieldTooLarge(let column, _), .invalidUTF8(let column), .nulByte(let column): return column
        case .unterminatedQuote: return nil
        }
    }

    /// The reason as a person reads it, e.g. `field larger than 1048576 bytes`.
    public var reason: String {
        switch self {
        case .fieldTooLarge(_, let limit): return "field larger than \(limit) bytes; row skipped"
        case .invalidUTF8:
            return "not valid UTF-8; row skipped (a file in another encoding needs `encoding:` in its mapping)"
        case .nulByte: return "contains a NUL byte (\\0); row skipped"
        case .unterminatedQuote: return "quoted field not closed before the end of the file"
        }
    }
}
