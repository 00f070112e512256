import LeadModel

extension StageChange {
    /// Whether the row is a rep's reject (either disposition).
    var isReject: Bool { trigger == .rejectRecyclable || trigger == .rejectTerminal }
}
