public import LeadModel

extension RemovalReason {
    /// Why a lead in `stage` is out of a rep's scope: `recycled` for `recycled` and `nurturing`,
    /// `disqualified`, `converted`; `reassigned` for the stages before a hand-off (`new`, `mql`:
    /// the lead was taken back from the rep). `nil` for the scope's own stages (`assigned`,
    /// `accepted`, ``LifecycleStage/isInRepScope``).
    public init?(leavingScopeFor stage: LifecycleStage) {
        switch stage {
        case .assigned, .accepted: return nil
        case .recycled, .nurturing: self = .recycled
        case .disqualified: self = .disqualified
        case .converted: self = .converted
        case .new, .mql: self = .reassigned
        }
    }
}
