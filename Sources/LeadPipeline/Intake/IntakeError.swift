/// A problem that refuses a whole import file (or its mapping) before or while it is read.
///
/// Row-level problems never throw: they are yielded as ``IntakeRowProblem`` values so that the
/// rows already accepted are not lost (SPEC §8). Every case's ``description`` is one line that
/// names the file and the culprit (column, key, row …).
public enum IntakeError: Error, Hashable, Sendable {
    /// The data file (or an outcome join file) does not exist. Carries the path.
    case fileNotFound(path: String)
    /// The file exists but could not be opened or read. Carries the path and the system's reason.
    case unreadableFile(path: String, reason: String)
    /// The file has 0 bytes (or nothing but a byte-order mark and line breaks): no header row.
    case emptyFile(path: String)
    /// Columns the mapping needs are not in the file's header; the file was refused before any
    /// row was read. Carries the file path and the missing column names, in mapping order.
    case missingColumns(path: String, columns: [String])
    /// Two header names match by the header rule (``HeaderIndex``): the file is refused whole.
    /// Carries the name as first written and every 1-based column position it appears at.
    case duplicateColumn(path: String, name: String, positions: [Int])
    /// The file is not valid in the expected text encoding, and the intake refuses it whole
    /// rather than store mojibake. `row` is the first offending row (header = row 1).
    case encoding(path: String, row: Int, detail: String)
    /// The mapping document could not be read or is not valid YAML. Carries the mapping path.
    case unreadableMapping(path: String, reason: String)
    /// The mapping has a key the intake does not know, at a 1-based line of the mapping file.
    case unknownMappingKey(path: String, key: String, line: Int)
    /// The mapping names a lead field that does not exist, at a 1-based line.
    case unknownField(path: String, field: String, line: Int)
    /// A mapping key has a value of the wrong shape or an unknown option, at a 1-based line.
    case invalidMappingValue(path: String, key: String, line: Int, reason: String)
    /// A row of an outcome join file could not be used (the join needs every row).
    case invalidOutcomeFile(path: String, row: Int, reason: String)
}

extension IntakeError: CustomStringConvertible {
    /// One line naming the file and the culprit, fit for a log line or a CLI error.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): file not found"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .emptyFile(let path):
            return "\(path): empty file (no header row)"
        case .missingColumns(let path, let columns):
            let names = columns.map { "'\($0)'" }.joined(separator: ", ")
            let noun = columns.count == 1 ? "column" : "columns"
            return "\(path): mapped \(noun) \(names) not in the header; file refused, no row read"
        case .duplicateColumn(let path, let name, let positions):
            let places = positions.map(String.init).joined(separator: " and ")
            return
                "\(path): column '\(name)' appears \(positions.count) times in the header (columns \(places)); file refused, no row read"
        case .encoding(let path, let row, let detail):
            return "\(path): row \(row): \(detail)"
        case .unreadableMapping(let path, let reason):
            return "\(path): mapping cannot be read: \(reason)"
        case .unknownMappingKey(let path, let key, let line):
            return "\(path):\(line): unknown mapping key '\(key)'"
        case .unknownField(let path, let field, let line):
            let known = LeadField.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(path):\(line): unknown lead field '\(field)' (known: \(known); or use 'attribute: NAME')"
        case .invalidMappingValue(let path, let key, let line, let reason):
            return "\(path):\(line): '\(key)': \(reason)"
        case .invalidOutcomeFile(let path, let row, let reason):
            return "\(path): row \(row): \(reason)"
        }
    }
}
