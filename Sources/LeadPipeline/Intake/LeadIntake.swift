import Foundation
public import LeadModel

/// The CSV intake: reads a file with ``CSVRecordReader`` and turns each data row into a lead by
/// an ``ImportMapping``, one row at a time (pure; no store).
///
/// Opening checks the whole file's shape first — existence, emptiness, encoding, the header
/// against the mapping, the outcome join file — and throws an ``IntakeError`` before any row is
/// read. Then ``next()`` yields, per data row in file order, an ``IntakeRow``: a record (lead
/// with a fresh id, stage `new`, and its dedupe key) or a row problem (wrong field count,
/// invalid value, impossible or ambiguous date, undecodable bytes, oversized field). Memory stays
/// flat: one chunk and one record at a time, plus the outcome join table when there is one.
///
/// Not `Sendable`: one intake belongs to one task.
public final class LeadIntake {
    /// The data file.
    public let path: String
    /// The mapping in use.
    public let mapping: ImportMapping
    /// The file's header names, as written.
    public var header: [String] { reader.header }
    /// The delimiter in use (declared or detected).
    public var delimiter: CSVDelimiter { reader.delimiter }
    /// The encoding in use (`auto` resolved).
    public var encoding: CSVTextEncoding { reader.encoding }
    /// Data rows read so far (records plus problems).
    public private(set) var rowsRead = 0

    let reader: CSVRecordReader
    let plan: [IntakeColumnPlan]
    let globalMissing: Set<String>
    let keyIndexes: [Int]
    let outcomeIndex: Int?
    let joinTable: [String: [String: String]]?
    let fileName: String
    let makeLeadID: () -> LeadID
    /// The mapping's attribute names (mapping order), shared by every lead this intake makes.
    let attributeKeys: AttributeKeyTable
    /// The mapping's post-contact attribute names, shared likewise.
    let postContactKeys: AttributeKeyTable

    /// Opens `path` for intake with `mapping`.
    ///
    /// - Parameters:
    ///   - path: the CSV file.
    ///   - mapping: the mapping document.
    ///   - makeLeadID: the id of each new lead (injected so tests can fix ids).
    /// - Throws: ``IntakeError/fileNotFound(path:)``, ``IntakeError/emptyFile(path:)``,
    ///   ``IntakeError/encoding(path:row:detail:)``, ``IntakeError/unreadableFile(path:reason:)``
    ///   from the reader; ``IntakeError/duplicateColumn(path:name:positions:)`` when two header
    ///   names match (``HeaderIndex``); ``IntakeError/missingColumns(path:columns:)`` when a mapped, key or
    ///   outcome column is not in the header (or a join file lacks its columns);
    ///   ``IntakeError/invalidOutcomeFile(path:row:reason:)`` for a bad join-file row.
    public init(path: String, mapping: ImportMapping, makeLeadID: @escaping () -> LeadID = { LeadID() })
        throws(IntakeError)
    {
        self.path = path
        self.mapping = mapping
        self.makeLeadID = makeLeadID
        self.fileName = URL(fileURLWithPath: path).lastPathComponent
        let reader = try CSVRecordReader(
            path: path, delimiter: mapping.delimiter, encoding: mapping.encoding, maxFieldBytes: mapping.maxFieldBytes)
        self.reader = reader

        let columns = try HeaderIndex(header: reader.header, path: path)
        let missingColumns = columns.missing(mapping.requiredColumns)
        guard missingColumns.isEmpty else { throw .missingColumns(path: path, columns: missingColumns) }

        globalMissing = mapping.missing
        var keyColumnNames = Set<String>()
        if case .columns(let names) = mapping.key { keyColumnNames = Set(names.map(HeaderIndex.matchingKey)) }
        plan = mapping.columns.map { column in
            IntakeColumnPlan(
                mapping: column, index: columns.index(of: column.column),
                missing: mapping.missing.union(column.missing),
                datePattern: column.dateFormat.flatMap(DatePattern.init),
                identifiesLead: column.target == .field(.externalID) || column.target == .field(.phone)
                    || keyColumnNames.contains(HeaderIndex.matchingKey(column.column)))
        }
        var attributeNames: [String] = []
        var postContactNames: [String] = []
        for column in mapping.columns {
            guard case .attribute(let name) = column.target else { continue }
            if column.postContact { postContactNames.append(name) } else { attributeNames.append(name) }
        }
        attributeKeys = AttributeKeyTable.of(attributeNames)
        postContactKeys = AttributeKeyTable.of(postContactNames)
        if case .columns(let names) = mapping.key {
            keyIndexes = names.compactMap { columns.index(of: $0) }
        } else {
            keyIndexes = []
        }
        switch mapping.outcome {
        case .labelColumn(let column, _):
            outcomeIndex = columns.index(of: column)
            joinTable = nil
        case .joinFile(let file, let join, let column, let keep):
            outcomeIndex = columns.index(of: column)
            joinTable = try Self.loadJoinTable(file: file, relativeTo: path, join: join, keep: keep)
        case nil:
            outcomeIndex = nil
            joinTable = nil
        }
    }

    /// The next data row as a record or a problem, or `nil` at the end of the file.
    /// - Throws: ``IntakeError/unreadableFile(path:reason:)`` when a read fails mid-file.
    public func next() throws(IntakeError) -> IntakeRow? {
        guard let record = try reader.next() else { return nil }
        rowsRead += 1
        if let problem = record.problem {
            let column = problem.column.flatMap { $0 < header.count ? header[$0] : "column \($0 + 1)" }
            return .problem(IntakeRowProblem(rowNumber: record.rowNumber, column: column, reason: problem.reason))
        }
        guard record.fields.count == header.count else {
            return .problem(
                IntakeRowProblem(
                    rowNumber: record.rowNumber, column: nil,
                    reason: Self.fieldCountReason(found: record.fields.count, expected: header.count)))
        }
        switch lead(from: record) {
        case .success(let intakeRecord): return .record(intakeRecord)
        case .failure(let problem): return .problem(problem)
        }
    }

    /// Calls `body` with every remaining data row, in file order.
    /// - Throws: what ``next()`` throws, or what `body` throws.
    public func forEach(_ body: (IntakeRow) throws -> Void) throws {
        while let row = try next() { try body(row) }
    }
}
