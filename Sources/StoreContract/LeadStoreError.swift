public import LeadModel

/// Why the store refused a request.
public enum LeadStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No lead has this id.
    case leadNotFound(LeadID)
    /// No rep has this id.
    case repNotFound(RepID)
    /// The rep is deactivated and receives no leads.
    case repInactive(RepID)
    /// Another rep already has this normalised email.
    case repEmailTaken(String)
    /// Another lead (with another dedupe key) already has this external id.
    case externalIDTaken(String)
    /// An imported row without an external id has the normalised email of several leads with
    /// different external ids: which one it is cannot be known, so the row is refused.
    case emailMatchesSeveralLeads(email: String, externalIDs: [String])
    /// A score names a scoring-model version that was never saved.
    case scoringModelNotFound(Int)
    /// An import session was used after its ``LeadStore/importLeads(runID:_:)`` call returned.
    case importSessionClosed
    /// A stored row could not be read back into a domain value (a value outside its type, a
    /// malformed JSON document): names the table and what was wrong.
    case corruptRow(table: String, detail: String)
    /// This store does not offer the operation (names what it is and which store does).
    case unsupported(String)

    /// A sentence naming what failed, for logs and CLI errors.
    public var description: String {
        switch self {
        case .leadNotFound(let id): return "no lead with id \(id)"
        case .repNotFound(let id): return "no rep with id \(id)"
        case .repInactive(let id): return "rep \(id) is inactive"
        case .repEmailTaken(let email): return "a rep with email \(email) already exists"
        case .externalIDTaken(let externalID): return "another lead already has external id \(externalID)"
        case .emailMatchesSeveralLeads(let email, let externalIDs):
            return
                "no external id, and \(email) is the email of \(externalIDs.count) leads with different external ids (\(externalIDs.joined(separator: ", "))): add the external id to the row"
        case .scoringModelNotFound(let version): return "no scoring model with version \(version)"
        case .importSessionClosed: return "the import session was used after its import ended"
        case .corruptRow(let table, let detail): return "unreadable row in table \(table): \(detail)"
        case .unsupported(let what): return "not offered by this store: \(what)"
        }
    }
}
