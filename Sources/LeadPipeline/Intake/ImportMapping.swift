/// The mapping document of a CSV import: how a file's columns become leads.
///
/// Written in YAML by marketing ops (see `mappings/*.yaml` at the package root), loaded with
/// ``init(yaml:path:)`` or ``load(path:)``. Top-level keys: `delimiter` (`,` `;` `tab`,
/// optional), `encoding` (`utf-8` default, `windows-1252`, `auto`), `missing` (values that mean
/// "missing" in every column), `key` (``DedupeKeyRule``), `columns` (``ColumnMapping`` by CSV
/// column name), `outcome` (``OutcomeRule``), `maxFieldBytes`, and a free-text `description`.
public struct ImportMapping: Hashable, Sendable {
    /// Where the mapping came from (a path, or a label for inline text); used in errors.
    public var path: String
    /// The declared delimiter, or `nil` to detect it from the header line.
    public var delimiter: CSVDelimiter?
    /// The declared encoding (default strict UTF-8).
    public var encoding: CSVTextEncoding
    /// Values that mean "missing" in every column (a blank cell always does).
    public var missing: Set<String>
    /// The mapped columns, in document order.
    public var columns: [ColumnMapping]
    /// How each row's dedupe key is made.
    public var key: DedupeKeyRule
    /// Where the known outcome comes from, for labelled history imports.
    public var outcome: OutcomeRule?
    /// The largest field kept, in bytes (default 1 MiB).
    public var maxFieldBytes: Int

    /// A mapping built in code.
    public init(
        path: String = "<mapping>", delimiter: CSVDelimiter? = nil, encoding: CSVTextEncoding = .utf8,
        missing: Set<String> = [], columns: [ColumnMapping], key: DedupeKeyRule = .externalIDThenEmail,
        outcome: OutcomeRule? = nil, maxFieldBytes: Int = CSVRecordReader.defaultMaxFieldBytes
    ) {
        self.path = path
        self.delimiter = delimiter
        self.encoding = encoding
        self.missing = missing
        self.columns = columns
        self.key = key
        self.outcome = outcome
        self.maxFieldBytes = maxFieldBytes
    }

    /// The header columns a file must have: every non-optional mapped column, the key columns,
    /// the outcome label or join column; in that order, without repeats.
    public var requiredColumns: [String] {
        var names = columns.filter { !$0.optional }.map(\.column)
        if case .columns(let keyColumns) = key { names += keyColumns }
        switch outcome {
        case .labelColumn(let column, _): names.append(column)
        case .joinFile(_, _, let column, _): names.append(column)
        case nil: break
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
