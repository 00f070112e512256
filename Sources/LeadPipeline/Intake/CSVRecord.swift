/// One record of a CSV file as text: its row number and its fields, decoded once.
public struct CSVRecord: Hashable, Sendable {
    /// The record's row number; the header is row 1, the first data row 2. A quoted field with
    /// line breaks does not add rows (rows are records, as a spreadsheet shows them); a blank
    /// line counts as a row.
    public var rowNumber: Int
    /// The fields in file order. When ``problem`` names a column, that field is empty here.
    public var fields: [String]
    /// Why the record cannot be used as is, or `nil` when every field decoded.
    public var problem: CSVRecordProblem?

    /// A record.
    public init(rowNumber: Int, fields: [String], problem: CSVRecordProblem? = nil) {
        self.rowNumber = rowNumber
        self.fields = fields
        self.problem = problem
    }
}
