extension StageTrigger {
    /// Whether the trigger is a rep's reject (recyclable or terminal): the moves whose reason and
    /// score at the time the quality report keeps (SPEC §4).
    public var isReject: Bool { self == .rejectRecyclable || self == .rejectTerminal }
}
