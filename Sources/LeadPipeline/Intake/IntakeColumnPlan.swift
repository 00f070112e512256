/// A mapped column resolved against one file's header: the field index to read (or `nil` when an
/// optional column is absent) and its merged missing markers.
struct IntakeColumnPlan: Sendable {
    let mapping: ColumnMapping
    let index: Int?
    let missing: Set<String>
    let datePattern: DatePattern?
    /// Whether the column identifies a lead (external id, phone, a key column): a value that a
    /// spreadsheet turned into scientific notation is refused there (``SpreadsheetDamage``).
    let identifiesLead: Bool
}
