/// What the intake gives for one data row: a lead to upsert, or a problem to report.
public enum IntakeRow: Hashable, Sendable {
    /// The row became a lead.
    case record(IntakeRecord)
    /// The row was rejected; nothing of it is stored.
    case problem(IntakeRowProblem)

    /// The source row number (header = row 1).
    public var rowNumber: Int {
        switch self {
        case .record(let record): return record.rowNumber
        case .problem(let problem): return problem.rowNumber
        }
    }
}
