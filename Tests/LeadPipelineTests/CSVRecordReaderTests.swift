import Foundation
import LeadPipeline
import Testing

@Suite("CSV record reader")
struct CSVRecordReaderTests {
    /// Chunk sizes that put chunk boundaries inside quotes, doubled quotes and CRLF pairs.
    static let chunkSizes = [4, 5, 7, 64 * 1024]

    @Test("quoted fields keep delimiters, doubled quotes and line breaks", arguments: chunkSizes)
    func quotedFields(chunkBytes: Int) throws {
        let path = try Fixtures.temporaryFile(
            "id,company,title\r\n1,\"A, B \"\"C\"\"\",\"line one\r\nline two\"\r\n2,plain,\"\"\r\n")
        let reader = try CSVRecordReader(path: path, chunkBytes: chunkBytes)
        #expect(reader.header == ["id", "company", "title"])
        let records = try Fixtures.records(reader)
        #expect(records.map(\.fields) == [["1", "A, B \"C\"", "line one\r\nline two"], ["2", "plain", ""]])
        #expect(records.map(\.rowNumber) == [2, 3])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test(
        "every line ending gives the same records",
        arguments: ["\n", "\r\n", "\r"], chunkSizes)
    func lineEndings(lineEnding: String, chunkBytes: Int) throws {
        let text = ["a,b", "1,2", "3,4"].joined(separator: lineEnding) + lineEnding
        let reader = try CSVRecordReader(path: try Fixtures.temporaryFile(text), chunkBytes: chunkBytes)
        #expect(try Fixtures.records(reader).map(\.fields) == [["1", "2"], ["3", "4"]])
    }

    @Test("a last line without a line break is still a record")
    func noTrailingLineBreak() throws {
        let reader = try CSVRecordReader(path: try Fixtures.temporaryFile("a,b\n1,2"))
        #expect(try Fixtures.records(reader).map(\.fields) == [["1", "2"]])
    }

    @Test("a UTF-8 byte-order mark is stripped from the first header name")
    func byteOrderMark() throws {
        let reader = try CSVRecordReader(
            path: try Fixtures.temporaryFile([0xEF, 0xBB, 0xBF] + Array("id,name\n1,Ana\n".utf8)))
        #expect(reader.header == ["id", "name"])
        #expect(try Fixtures.records(reader).map(\.fields) == [["1", "Ana"]])
    }

    @Test(
        "the delimiter is detected from the header line, outside quotes",
        arguments: [
            ("a,b,c\n1,2,3\n", CSVDelimiter.comma),
            ("a;b;c\n1;2;3\n", .semicolon),
            ("a\tb\tc\n1\t2\t3\n", .tab),
            ("\"x,y,z\";b;c\n1;2;3\n", .semicolon),
        ])
    func delimiterDetection(text: String, expected: CSVDelimiter) throws {
        let reader = try CSVRecordReader(path: try Fixtures.temporaryFile(text))
        #expect(reader.delimiter == expected)
        #expect(try Fixtures.records(reader).first?.fields == ["1", "2", "3"])
    }

    @Test("a field over the size limit is not buffered: its row is reported and the next row reads on")
    func fieldSizeLimit() throws {
        let big = String(repeating: "A", count: 5_000)
        let path = try Fixtures.temporaryFile("id,note\n1,ok\n2,\"\(big)\"\n3,fine\n")
        let reader = try CSVRecordReader(path: path, maxFieldBytes: 1_000, chunkBytes: 256)
        let records = try Fixtures.records(reader)
        #expect(records.map(\.rowNumber) == [2, 3, 4])
        #expect(records[1].problem == .fieldTooLarge(column: 1, limitBytes: 1_000))
        #expect(records[1].fields == ["2", ""])
        #expect(records[2].fields == ["3", "fine"])
        #expect(records[2].problem == nil)
    }

    @Test("Windows-1252 maps 0x80–0x9F by the code page")
    func windows1252() throws {
        // "Œuvre", "Dœuf", "€5", "José"
        let bytes: [UInt8] =
            Array("a,b,c,d\n".utf8) + [0x8C] + Array("uvre,D".utf8) + [0x9C] + Array("uf,".utf8) + [0x80]
            + Array("5,Jos".utf8) + [0xE9, 0x0A]
        let reader = try CSVRecordReader(path: try Fixtures.temporaryFile(bytes), encoding: .windows1252)
        #expect(try Fixtures.records(reader).map(\.fields) == [["Œuvre", "Dœuf", "€5", "José"]])
    }

    @Test(
        "auto picks UTF-8 for valid UTF-8 and Windows-1252 otherwise",
        arguments: [
            (Array("n\nJosé\n".utf8), CSVTextEncoding.utf8),
            (Array("n\nJos".utf8) + [0xE9, 0x0A], .windows1252),
        ])
    func autoEncoding(bytes: [UInt8], expected: CSVTextEncoding) throws {
        let reader = try CSVRecordReader(path: try Fixtures.temporaryFile(bytes), encoding: .auto)
        #expect(reader.encoding == expected)
        #expect(try Fixtures.records(reader).map(\.fields) == [["José"]])
    }

    @Test("invalid UTF-8 makes only its row a problem, naming the column, never replacement characters")
    func invalidUTF8Row() throws {
        let bytes = Array("id,name\n1,Ana\n2,B".utf8) + [0xFF, 0xFE] + Array("d\n3,Zoë\n".utf8)
        let records = try Fixtures.records(try CSVRecordReader(path: try Fixtures.temporaryFile(bytes)))
        #expect(records.map(\.problem) == [nil, .invalidUTF8(column: 1), nil])
        #expect(records[2].fields == ["3", "Zoë"])
        #expect(!records.flatMap(\.fields).joined().contains("\u{FFFD}"))
    }

    @Test("an undeclared Windows-1252 file is refused whole with an encoding error")
    func undeclaredWindows1252Refused() throws {
        let bytes = Array("id,name\n1,Jos".utf8) + [0xE9] + Array("\n2,M".utf8) + [0xFC] + Array("ller\n".utf8)
        let path = try Fixtures.temporaryFile(bytes)
        let error = #expect(throws: IntakeError.self) { try CSVRecordReader(path: path) }
        guard case .encoding(_, let row, let detail) = error else {
            Issue.record("expected an encoding error, got \(String(describing: error))")
            return
        }
        #expect(row == 2)
        #expect(detail.contains("encoding: windows-1252"))
    }

    @Test("a 0-byte file is an empty-file error")
    func emptyFile() throws {
        let path = try Fixtures.temporaryFile([UInt8]())
        #expect(throws: IntakeError.emptyFile(path: path)) { try CSVRecordReader(path: path) }
    }

    @Test("a missing file is a file-not-found error")
    func missingFile() {
        #expect(throws: IntakeError.fileNotFound(path: "/nonexistent/leads.csv")) {
            try CSVRecordReader(path: "/nonexistent/leads.csv")
        }
    }

    @Test("a header-only file has zero records")
    func headerOnly() throws {
        let reader = try CSVRecordReader(path: try Fixtures.temporaryFile("a,b\r\n"))
        #expect(reader.header == ["a", "b"])
        #expect(try reader.next() == nil)
    }

    @Test("a quote left open to the end of the file is reported")
    func unterminatedQuote() throws {
        let records = try Fixtures.records(
            try CSVRecordReader(path: try Fixtures.temporaryFile("a,b\n1,\"open\n2,x\n")))
        #expect(records.count == 1)
        #expect(records[0].problem == .unterminatedQuote)
    }

    @Test("row numbers count records, not physical lines, with the header as row 1")
    func rowNumbers() throws {
        let records = try Fixtures.records(
            try CSVRecordReader(path: try Fixtures.temporaryFile("a,b\n1,\"x\ny\"\n2,z\n")))
        #expect(records.map(\.rowNumber) == [2, 3])
    }
}
