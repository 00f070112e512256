import Foundation

extension CSVRecordReader {
    /// The delimiter of a header line: the most frequent of `,` `;` tab outside quotes in the
    /// first line of `bytes`; comma on a tie or when none occurs.
    static func detectDelimiter(in bytes: ArraySlice<UInt8>) -> CSVDelimiter {
        var counts: [CSVDelimiter: Int] = [:]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if let delimiter = CSVDelimiter.allCases.first(where: { $0.byte == byte }) {
                    counts[delimiter, default: 0] += 1
                }
            }
        }
        var best = CSVDelimiter.comma
        for delimiter in CSVDelimiter.allCases where counts[delimiter, default: 0] > counts[best, default: 0] {
            best = delimiter
        }
        return best
    }

    /// Resolves the declared encoding against the file's bytes (see ``CSVTextEncoding``).
    ///
    /// - `auto`: one pass validating the whole file; UTF-8 when valid, else Windows-1252.
    /// - `utf8`: when the whole file is valid, nothing more. Otherwise a second pass classifies
    ///   every data record: when none decodes with non-ASCII content and at least half of them
    ///   fail, the file is refused whole (it is almost surely in a legacy code page).
    /// - Throws: ``IntakeError/encoding(path:row:detail:)`` for the refusal; read errors.
    static func resolveEncoding(
        _ declared: CSVTextEncoding, path: String, delimiter: CSVDelimiter, maxFieldBytes: Int, chunkBytes: Int
    ) throws(IntakeError) -> CSVTextEncoding {
        guard declared != .windows1252 else { return .windows1252 }
        if try isWholeFileUTF8(path: path, chunkBytes: chunkBytes) { return .utf8 }
        if declared == .auto { return .windows1252 }

        let scanner = try CSVByteScanner(
            path: path, delimiter: delimiter.byte, maxFieldBytes: maxFieldBytes, chunkBytes: chunkBytes)
        guard try scanner.nextRecord() else { return .utf8 }  // the header; its check comes later
        var dataRows = 0
        var failedRows = 0
        var nonASCIIRows = 0
        var firstFailedRow: Int?
        while try scanner.nextRecord() {
            dataRows += 1
            var failed = false
            var nonASCII = false
            for index in scanner.fieldEnds.indices {
                scanner.withField(index) { bytes in
                    guard !UTF8Check.isASCII(bytes) else { return }
                    if String(validating: bytes, as: UTF8.self) == nil { failed = true } else { nonASCII = true }
                }
            }
            if failed {
                failedRows += 1
                if firstFailedRow == nil { firstFailedRow = scanner.rowNumber }
            } else if nonASCII {
                nonASCIIRows += 1
            }
        }
        if let firstFailedRow, nonASCIIRows == 0, failedRows * 2 >= dataRows {
            throw .encoding(
                path: path, row: firstFailedRow,
                detail:
                    "not valid UTF-8 (\(failedRows) of \(dataRows) rows); file refused whole: declare `encoding: windows-1252` (or `auto`) in the mapping"
            )
        }
        return .utf8
    }

    /// Whether the file's bytes, read in chunks, are valid UTF-8 from start to end.
    private static func isWholeFileUTF8(path: String, chunkBytes: Int) throws(IntakeError) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .fileNotFound(path: path) }
        defer { try? handle.close() }
        var check = UTF8Check()
        while true {
            let data: Data?
            do { data = try handle.read(upToCount: max(4, chunkBytes)) } catch {
                throw .unreadableFile(path: path, reason: "\(error.localizedDescription)")
            }
            guard let data, !data.isEmpty else { break }
            data.withUnsafeBytes { check.consume($0.bindMemory(to: UInt8.self)) }
            if !check.isValidSoFar { return false }
        }
        return check.isComplete
    }
}
