/// A mapped column resolved against one file's header: the field index to read (or `nil` when an
/// optional column is absent) and its merged missing markers.
struct IntakeColumnPlan: Sendable {
    let mapping: ColumnMapping
    let index: Int?
    let missing: Set<String>
    let datePattern: DatePattern?
}
