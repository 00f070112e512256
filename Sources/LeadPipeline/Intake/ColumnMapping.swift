/// One CSV column of a mapping: where its value goes and the value rules that turn its text
/// into that value.
public struct ColumnMapping: Hashable, Sendable {
    /// The column's name as the header writes it (compared exactly, after trimming spaces).
    public var column: String
    /// The lead field or attribute the value fills.
    public var target: ColumnTarget
    /// How the text becomes a value; a lead field's own type unless declared.
    public var type: ValueType
    /// Values that mean "missing" for this column, on top of the mapping-wide list; a blank cell
    /// is always missing. Compared exactly, after trimming surrounding spaces.
    public var missing: Set<String>
    /// Case folding of text values (`case: lower|upper|title`).
    public var caseFolding: CaseFolding?
    /// Words meaning `true` for a bool column (compared lower-cased).
    public var yesValues: Set<String>
    /// Words meaning `false` for a bool column (compared lower-cased).
    public var noValues: Set<String>
    /// The date pattern for a date column (`yyyy`, `MM`, `M`, `dd`, `d`, `HH`, `mm`, `ss` and
    /// literals, e.g. `dd/MM/yyyy`); `nil` accepts ISO dates only and calls slashed dates that
    /// fit both day-first and month-first ambiguous.
    public var dateFormat: String?
    /// Whether sales fills the column after contact: the value goes to
    /// `Lead.postContactAttributes`, never to `attributes` (so it is never scored).
    public var postContact: Bool
    /// Whether the file may lack the column (then it is simply missing on every row). Mapped
    /// columns are required unless declared `optional: true`.
    public var optional: Bool

    /// The default yes words: `yes`, `y`, `true`, `1`.
    public static let defaultYesValues: Set<String> = ["yes", "y", "true", "1"]
    /// The default no words: `no`, `n`, `false`, `0`.
    public static let defaultNoValues: Set<String> = ["no", "n", "false", "0"]

    /// A column mapping; `type` defaults to the target field's type, or `text` for attributes.
    public init(
        column: String, target: ColumnTarget, type: ValueType? = nil, missing: Set<String> = [],
        caseFolding: CaseFolding? = nil, yesValues: Set<String> = ColumnMapping.defaultYesValues,
        noValues: Set<String> = ColumnMapping.defaultNoValues, dateFormat: String? = nil,
        postContact: Bool = false, optional: Bool = false
    ) {
        self.column = column
        self.target = target
        if let type {
            self.type = type
        } else if case .field(let field) = target {
            self.type = field.valueType
        } else {
            self.type = .text
        }
        self.missing = missing
        self.caseFolding = caseFolding
        self.yesValues = Set(yesValues.map { $0.lowercased() })
        self.noValues = Set(noValues.map { $0.lowercased() })
        self.dateFormat = dateFormat
        self.postContact = postContact
        self.optional = optional
    }
}
