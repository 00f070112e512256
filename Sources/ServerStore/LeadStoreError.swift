public import LeadModel

/// Why the store refused a request.
public enum LeadStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case leadNotFound(LeadID)
    case repNotFound(RepID)
    case repEmailTaken(String)

    public var description: String {
        switch self {
        case .leadNotFound(let id): return "no lead with id \(id)"
        case .repNotFound(let id): return "no rep with id \(id)"
        case .repEmailTaken(let email): return "a rep with email \(email) already exists"
        }
    }
}
