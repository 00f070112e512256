/// What eventually happened to a lead, as a labelled source file records it (the history used
/// for calibration), with the source's own details (for Olist: the SDR and SR ids).
public struct LeadOutcome: Hashable, Codable, Sendable {
    /// Whether the lead became a customer (`Converted` = 1, `y` = yes, present in closed deals).
    public var won: Bool
    /// The raw label as the source wrote it.
    public var label: String
    /// Extra facts the outcome source carries, by name.
    public var details: [String: String]

    /// An outcome.
    public init(won: Bool, label: String, details: [String: String] = [:]) {
        self.won = won
        self.label = label
        self.details = details
    }
}
