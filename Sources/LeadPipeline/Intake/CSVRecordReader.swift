/// A streaming, byte-level RFC 4180 reader: records of decoded fields, one at a time, from a
/// file read in fixed-size chunks, so memory does not grow with the file.
///
/// Why our own reader: none of the CSV libraries available to us (SwiftCSV, CodableCSV and the
/// like) handles Windows-1252 text, per-row recovery from invalid UTF-8 (one bad row reported,
/// the rest imported) and a bounded field size while streaming together; most load the whole
/// file into a `String` first, which already fails or substitutes U+FFFD on invalid bytes.
///
/// What it handles: a UTF-8 byte-order mark (stripped); UTF-16 text with a byte-order mark
/// (little- or big-endian, decoded to UTF-8 as it is read, whatever encoding was declared); `\r\n`, `\n` and `\r` line endings;
/// quoted fields with delimiters, doubled quotes and line breaks; a delimiter declared or detected
/// from the header line (`,` `;` tab, counted outside quotes); a maximum field size
/// (``defaultMaxFieldBytes`` unless configured) beyond which a field is not buffered and its
/// record is reported with ``CSVRecordProblem/fieldTooLarge(column:limitBytes:)``; per-field
/// decoding as strict UTF-8, Windows-1252, or `auto` (see ``CSVTextEncoding``).
///
/// Row numbers: the header is row 1. Not `Sendable`: one reader belongs to one task.
public final class CSVRecordReader {
    /// 1 MiB: the default largest field, in bytes.
    public static let defaultMaxFieldBytes = 1 << 20
    /// 64 KiB: the default read size, in bytes.
    public static let defaultChunkBytes = 64 << 10

    /// The file being read.
    public let path: String
    /// The delimiter in use (declared, or detected from the header line).
    public let delimiter: CSVDelimiter
    /// The encoding in use: `utf8` or `windows1252` (`auto` is resolved when the reader opens).
    public let encoding: CSVTextEncoding
    /// The largest field kept, in bytes.
    public let maxFieldBytes: Int
    /// The header row's field names, decoded, as written (not trimmed).
    public let header: [String]

    private let scanner: CSVByteScanner

    /// Opens `path`, resolves the encoding, detects the delimiter when not given and reads the
    /// header row.
    ///
    /// - Parameters:
    ///   - path: the CSV file.
    ///   - delimiter: the declared delimiter, or `nil` to detect it from the header line.
    ///   - encoding: the declared encoding (see ``CSVTextEncoding`` for the UTF-8 refusal rule).
    ///   - maxFieldBytes: the largest field kept, in bytes (default 1 MiB).
    ///   - chunkBytes: how many bytes are read at a time (default 64 KiB).
    /// - Throws: ``IntakeError/fileNotFound(path:)``, ``IntakeError/unreadableFile(path:reason:)``,
    ///   ``IntakeError/emptyFile(path:)`` for a file without a header row, and
    ///   ``IntakeError/encoding(path:row:detail:)`` when the header is not valid in the encoding
    ///   or the file is refused whole as not UTF-8.
    public init(
        path: String, delimiter: CSVDelimiter? = nil, encoding: CSVTextEncoding = .utf8,
        maxFieldBytes: Int = CSVRecordReader.defaultMaxFieldBytes,
        chunkBytes: Int = CSVRecordReader.defaultChunkBytes
    ) throws(IntakeError) {
        self.path = path
        self.maxFieldBytes = maxFieldBytes
        let probe = try CSVByteScanner(
            path: path, delimiter: delimiter?.byte ?? CSVDelimiter.comma.byte, maxFieldBytes: maxFieldBytes,
            chunkBytes: chunkBytes)
        let resolvedDelimiter = delimiter ?? Self.detectDelimiter(in: probe.leadingBytes)
        self.delimiter = resolvedDelimiter
        // A UTF-16 mark is unambiguous: the scanner decodes the file to UTF-8 whatever was declared.
        let resolvedEncoding =
            probe.utf16ByteOrder != nil
            ? .utf8
            : try Self.resolveEncoding(
                encoding, path: path, delimiter: resolvedDelimiter, maxFieldBytes: maxFieldBytes, chunkBytes: chunkBytes
            )
        self.encoding = resolvedEncoding
        let scanner =
            resolvedDelimiter.byte == probe.delimiter
            ? probe
            : try CSVByteScanner(
                path: path, delimiter: resolvedDelimiter.byte, maxFieldBytes: maxFieldBytes, chunkBytes: chunkBytes)
        self.scanner = scanner
        guard try scanner.nextRecord() else { throw .emptyFile(path: path) }
        if let column = scanner.oversizedField {
            throw .unreadableFile(
                path: path, reason: "header column \(column + 1) is larger than \(maxFieldBytes) bytes")
        }
        var names: [String] = []
        for index in scanner.fieldEnds.indices {
            guard let name = scanner.withField(index, { resolvedEncoding.decode($0) }) else {
                throw .encoding(
                    path: path, row: 1,
                    detail: "header column \(index + 1) is not valid UTF-8; declare `encoding: windows-1252`")
            }
            names.append(name)
        }
        if names.count == 1, names[0].isEmpty { throw .emptyFile(path: path) }
        if let column = names.firstIndex(where: { $0.utf8.contains(0) }) {
            throw .encoding(
                path: path, row: 1,
                detail:
                    "header column \(column + 1) holds NUL bytes: the file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with its mark)"
            )
        }
        header = names
    }

    /// The next data record, or `nil` at the end of the file. A record whose field is too large,
    /// not valid UTF-8, or whose quote never closes comes back with its ``CSVRecord/problem``
    /// set; the reader then goes on with the next record.
    /// - Throws: ``IntakeError/unreadableFile(path:reason:)`` when a read fails.
    public func next() throws(IntakeError) -> CSVRecord? {
        guard try scanner.nextRecord() else { return nil }
        let count = scanner.fieldEnds.count
        var problem: CSVRecordProblem? = scanner.unterminatedQuote ? .unterminatedQuote : nil
        if let column = scanner.oversizedField { problem = .fieldTooLarge(column: column, limitBytes: maxFieldBytes) }
        var fields: [String] = []
        fields.reserveCapacity(count)
        for index in 0..<count {
            if let text = scanner.withField(index, { encoding.decode($0) }) {
                if problem == nil, text.utf8.contains(0) { problem = .nulByte(column: index) }
                fields.append(text)
            } else {
                fields.append("")
                if problem == nil { problem = .invalidUTF8(column: index) }
            }
        }
        return CSVRecord(rowNumber: scanner.rowNumber, fields: fields, problem: problem)
    }

    /// Calls `body` with every remaining data record, in file order.
    /// - Throws: what ``next()`` throws, or what `body` throws.
    public func forEach(_ body: (CSVRecord) throws -> Void) throws {
        while let record = try next() { try body(record) }
    }
}
