/// A data row the intake could not turn into a lead; the rest of the file goes on (SPEC §8).
public struct IntakeRowProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The source row number (header = row 1).
    public var rowNumber: Int
    /// The header name of the column at fault, or `nil` for a whole-row problem (wrong field
    /// count, no dedupe key, unclosed quote).
    public var column: String?
    /// Why, e.g. `11 fields, expected 9` or `'2023-02-30' is not a real date …`.
    public var reason: String

    /// A row problem.
    public init(rowNumber: Int, column: String?, reason: String) {
        self.rowNumber = rowNumber
        self.column = column
        self.reason = reason
    }

    /// One line: `row 3, column created_at: …` or `row 3: 11 fields, expected 9`.
    public var description: String {
        if let column { return "row \(rowNumber), column \(column): \(reason)" }
        return "row \(rowNumber): \(reason)"
    }
}
