/// The mapping of an engagement-events CSV file (issue 3 item 4): which column names the lead,
/// which gives the event type, the timestamp (with its declared format), and optionally a value
/// and the source's event id. Written in YAML by marketing ops, read with ``init(yaml:path:)``:
///
/// ```yaml
/// description: Website activity export
/// lead: {column: Prospect ID, match: externalID}   # or default / email
/// type: {column: Activity, case: lower}
/// timestamp: {column: At, format: "yyyy-MM-dd HH:mm:ss"}   # UTC; ISO dates when no format
/// value: {column: Seconds}        # optional number
/// id: {column: Event ID}          # optional; else the content is the event's identity
/// missing: ["", "-"]              # optional, values that mean missing
/// delimiter: ","                  # optional; detected otherwise
/// encoding: utf-8                 # optional
/// ```
///
/// A column can be given in short form (`type: Activity`).
public struct EventMapping: Hashable, Sendable {
    /// Where the mapping came from, named in errors.
    public var path: String
    /// The declared delimiter, or `nil` to detect it.
    public var delimiter: CSVDelimiter?
    /// The declared encoding (default strict UTF-8).
    public var encoding: CSVTextEncoding
    /// Values that mean "missing" (a blank cell always does).
    public var missing: Set<String>
    /// The column naming the lead.
    public var leadColumn: String
    /// How that column finds the lead.
    public var leadMatch: EventLeadMatch
    /// The column giving the event type the model's engagement rules match on.
    public var typeColumn: String
    /// Case folding of the event type, when declared.
    public var typeCase: CaseFolding?
    /// The column giving when the event happened.
    public var timestampColumn: String
    /// Its date pattern (`yyyy-MM-dd HH:mm:ss`, …), read in UTC; `nil` accepts ISO dates only.
    public var timestampFormat: String?
    /// The column giving the event's number (seconds, pages, …), if any.
    public var valueColumn: String?
    /// The column giving the source's event id, if any; events with the same id are one event.
    public var idColumn: String?

    /// A mapping built in code.
    public init(
        path: String = "<events mapping>", delimiter: CSVDelimiter? = nil, encoding: CSVTextEncoding = .utf8,
        missing: Set<String> = [], leadColumn: String, leadMatch: EventLeadMatch = .externalIDThenEmail,
        typeColumn: String, typeCase: CaseFolding? = nil, timestampColumn: String, timestampFormat: String? = nil,
        valueColumn: String? = nil, idColumn: String? = nil
    ) {
        self.path = path
        self.delimiter = delimiter
        self.encoding = encoding
        self.missing = missing
        self.leadColumn = leadColumn
        self.leadMatch = leadMatch
        self.typeColumn = typeColumn
        self.typeCase = typeCase
        self.timestampColumn = timestampColumn
        self.timestampFormat = timestampFormat
        self.valueColumn = valueColumn
        self.idColumn = idColumn
    }

    /// The header columns a file must have, in mapping order.
    public var requiredColumns: [String] {
        [leadColumn, typeColumn, timestampColumn] + [valueColumn, idColumn].compactMap { $0 }
    }
}
