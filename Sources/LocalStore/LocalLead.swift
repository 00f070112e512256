public import LeadModel
public import SyncProtocol

/// A lead on the device: the server's state of it plus the rep's verdict still waiting to be sent.
public struct LocalLead: Hashable, Sendable {
    /// The server's state at the last pull.
    public var lead: SyncedLead
    /// The rep's latest verdict on it still in the outbox (queued or sent): `accept`, `reject`
    /// or `convert`; `nil` when none.
    public var pendingVerdict: MutationIntent?

    /// A local lead.
    public init(lead: SyncedLead, pendingVerdict: MutationIntent?) {
        self.lead = lead
        self.pendingVerdict = pendingVerdict
    }

    /// The stage the rep sees: the server's stage moved by the pending verdict, if any
    /// (`accept` → accepted, `convert` → converted, `reject` → recycled or disqualified by the
    /// reason's disposition).
    public var effectiveStage: LifecycleStage {
        switch pendingVerdict {
        case .accept: return .accepted
        case .convert: return .converted
        case .reject(let reason, _, _):
            if let code = ReasonCode(rawValue: reason), case .disqualify = code.entry.disposition {
                return .disqualified
            }
            return .recycled
        default: return lead.stage
        }
    }

    /// "First Last (Company)", or the external id, or the lead id: how a lead is named in output.
    public var label: String { Self.label(of: lead) }

    /// The display label of a synced lead.
    public static func label(of lead: SyncedLead) -> String {
        let name = [lead.firstName, lead.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        var text = name.isEmpty ? (lead.externalID ?? lead.leadID.description) : name
        if let company = lead.company, !company.isEmpty { text += " (\(company))" }
        return text
    }
}
