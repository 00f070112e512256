import Foundation

/// The byte-level RFC 4180 state machine behind ``CSVRecordReader``: reads a file in fixed-size
/// chunks and splits it into records of raw field bytes, without decoding text.
///
/// One record's bytes live in ``bytes`` (fields back to back) with ``fieldEnds`` marking where
/// each field ends; both buffers are reused from record to record. A field longer than
/// `maxFieldBytes` is not buffered: its column is noted in ``oversizedField`` and the scanner
/// skips to the end of the record. Memory therefore stays bounded by the chunk size plus one
/// record, whatever the file size.
final class CSVByteScanner {
    /// Parser state between bytes (kept across chunk boundaries).
    private enum State {
        /// At the first byte of a field.
        case fieldStart
        /// Inside a field that did not start with a quote.
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: an escaped quote or the closing one.
        case quoteInQuoted
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    let path: String
    let delimiter: UInt8
    let maxFieldBytes: Int
    private let handle: FileHandle
    private let chunkBytes: Int

    private var chunk: [UInt8] = []
    private var position = 0
    /// Set when the file starts with a UTF-16 byte-order mark: every chunk is read through it.
    private var utf16: UTF16Transcoder?
    private var reachedEnd = false

    private var state = State.fieldStart
    /// A record ended on CR; a LF right after it belongs to the same line break.
    private var pendingCR = false
    private var recordStarted = false
    private var fieldStart = 0
    private var fieldOverflowing = false

    /// Field bytes of the current record, back to back.
    private(set) var bytes: [UInt8] = []
    /// End offset in ``bytes`` of each field of the current record.
    private(set) var fieldEnds: [Int] = []
    /// The 0-based column of the first field that exceeded `maxFieldBytes`, if any.
    private(set) var oversizedField: Int?
    /// Whether the file ended inside a quoted field.
    private(set) var unterminatedQuote = false
    /// The current record's row number: the first record is row 1; blank lines count.
    private(set) var rowNumber = 0

    /// Opens the file and reads the first chunk, dropping a UTF-8 byte-order mark; a UTF-16 mark
    /// (either byte order) makes the scanner transcode the whole file to UTF-8 as it reads.
    /// - Throws: ``IntakeError/fileNotFound(path:)`` or ``IntakeError/unreadableFile(path:reason:)``.
    init(path: String, delimiter: UInt8, maxFieldBytes: Int, chunkBytes: Int) throws(IntakeError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw .unreadableFile(path: path, reason: "permission denied or not a regular file")
            }
            throw .fileNotFound(path: path)
        }
        self.path = path
        self.handle = handle
        self.delimiter = delimiter
        self.maxFieldBytes = max(1, maxFieldBytes)
        self.chunkBytes = max(4, chunkBytes)
        try refill()
        if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF {
            position = 3
        } else if let byteOrder = UTF16Transcoder.byteOrder(markedAtStartOf: chunk) {
            var transcoder = UTF16Transcoder(byteOrder: byteOrder)
            var decoded: [UInt8] = []
            transcoder.transcode(chunk.dropFirst(2), into: &decoded)
            utf16 = transcoder
            chunk = decoded
            if chunk.isEmpty { try refill() }
        }
    }

    /// The byte order of a UTF-16 file (by its mark), or `nil` for a UTF-8 or single-byte file.
    var utf16ByteOrder: UTF16Transcoder.ByteOrder? { utf16?.byteOrder }

    deinit { try? handle.close() }

    /// The bytes of the first chunk after any BOM (used to detect the delimiter).
    var leadingBytes: ArraySlice<UInt8> { chunk[position...] }

    /// Reads the next chunk into the buffer; returns `false` at the end of the file.
    @discardableResult
    private func refill() throws(IntakeError) -> Bool {
        while !reachedEnd {
            let data: Data?
            do {
                data = try handle.read(upToCount: chunkBytes)
            } catch {
                throw .unreadableFile(path: path, reason: "\(error.localizedDescription)")
            }
            position = 0
            guard let data, !data.isEmpty else {
                reachedEnd = true
                chunk = []
                utf16?.transcode([], into: &chunk, atEnd: true)
                return !chunk.isEmpty
            }
            if utf16 != nil {
                chunk.removeAll(keepingCapacity: true)
                utf16!.transcode(data, into: &chunk)
                if chunk.isEmpty { continue }
            } else {
                chunk = [UInt8](data)
            }
            return true
        }
        return false
    }

    /// Advances to the next record; `false` at the end of the file.
    /// - Throws: ``IntakeError/unreadableFile(path:reason:)`` when a read fails.
    func nextRecord() throws(IntakeError) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        oversizedField = nil
        unterminatedQuote = false
        fieldStart = 0
        fieldOverflowing = false
        recordStarted = false
        state = .fieldStart
        while true {
            if position >= chunk.count {
                guard try refill() else {
                    guard recordStarted else { return false }
                    if state == .quoted { unterminatedQuote = true }
                    endField()
                    rowNumber += 1
                    return true
                }
            }
            if scanChunk() {
                rowNumber += 1
                return true
            }
        }
    }

    /// Scans the current chunk from `position`; `true` when a record ended inside it.
    private func scanChunk() -> Bool {
        let chunk = self.chunk
        return chunk.withUnsafeBufferPointer { buffer -> Bool in
            let count = buffer.count
            var index = position
            defer { position = index }
            if pendingCR, index < count {
                pendingCR = false
                if buffer[index] == Self.lineFeed { index += 1 }
            }
            while index < count {
                switch state {
                case .fieldStart:
                    let byte = buffer[index]
                    if byte == Self.quote {
                        state = .quoted
                        recordStarted = true
                        index += 1
                    } else if byte == delimiter {
                        recordStarted = true
                        endField()
                        index += 1
                    } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                        index = skipLineBreak(at: index, in: buffer)
                        if recordStarted {
                            endField()
                            return true
                        }
                        rowNumber += 1  // a blank line still counts as a row
                    } else {
                        state = .unquoted
                        recordStarted = true
                    }
                case .unquoted:
                    var end = index
                    while end < count {
                        let byte = buffer[end]
                        if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                        end += 1
                    }
                    append(UnsafeBufferPointer(rebasing: buffer[index..<end]))
                    index = end
                    guard index < count else { break }
                    endField()
                    state = .fieldStart
                    if buffer[index] == delimiter {
                        index += 1
                    } else {
                        index = skipLineBreak(at: index, in: buffer)
                        return true
                    }
                case .quoted:
                    var end = index
                    while end < count, buffer[end] != Self.quote { end += 1 }
                    append(UnsafeBufferPointer(rebasing: buffer[index..<end]))
                    index = end
                    if index < count {
                        state = .quoteInQuoted
                        index += 1
                    }
                case .quoteInQuoted:
                    if buffer[index] == Self.quote {
                        append(UnsafeBufferPointer(rebasing: buffer[index..<index + 1]))
                        state = .quoted
                        index += 1
                    } else {
                        // Closing quote; anything before the delimiter is kept as written.
                        state = .unquoted
                    }
                }
            }
            return false
        }
    }

    /// Consumes a line break at `index` (CR, LF or CRLF); returns the index after it. A CR at the
    /// end of the chunk leaves a pending CR so a LF at the start of the next chunk is skipped.
    private func skipLineBreak(at index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        if buffer[index] == Self.lineFeed { return index + 1 }
        if index + 1 < buffer.count {
            return buffer[index + 1] == Self.lineFeed ? index + 2 : index + 1
        }
        pendingCR = true
        return index + 1
    }

    /// Appends bytes to the current field unless it already overflowed or would now.
    private func append(_ span: UnsafeBufferPointer<UInt8>) {
        guard !fieldOverflowing, !span.isEmpty else { return }
        if bytes.count - fieldStart + span.count > maxFieldBytes {
            fieldOverflowing = true
            if oversizedField == nil { oversizedField = fieldEnds.count }
            bytes.removeSubrange(fieldStart...)
            return
        }
        bytes.append(contentsOf: span)
    }

    private func endField() {
        fieldEnds.append(bytes.count)
        fieldStart = bytes.count
        fieldOverflowing = false
    }

    /// Calls `body` with the bytes of field `index` of the current record.
    func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        let end = fieldEnds[index]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
}
