/// The order of ``LocalDatabase/leads(stage:sort:limit:)``.
public enum LeadSort: String, CaseIterable, Sendable {
    /// Highest total score first (unscored last), then oldest assignment.
    case score
    /// Oldest assignment first: the leads waiting longest for a verdict.
    case age
}
