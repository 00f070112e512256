public import LeadModel

/// What the local store refuses or cannot read.
public enum LocalStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No rep is logged in on this device.
    case notLoggedIn
    /// No lead on the device has an id starting with this text.
    case noSuchLead(String)
    /// Several leads' ids start with this text (carries it and how many).
    case ambiguousLead(String, matches: Int)
    /// A stored row does not decode (table and what is wrong).
    case corruptRow(table: String, detail: String)
    /// A page pulled for another rep than the one whose data the device holds (the two reps).
    case anotherRepsPage(owner: RepID, page: RepID)

    /// A sentence naming what failed and what to do.
    public var description: String {
        switch self {
        case .notLoggedIn: return "not logged in; run 'leadrelay login --server URL --token TOKEN'"
        case .noSuchLead(let prefix):
            return "no lead on this device has an id starting with '\(prefix)'; run 'leadrelay leads' to list them"
        case .ambiguousLead(let prefix, let matches):
            return "\(matches) leads have ids starting with '\(prefix)'; give more characters of the id"
        case .corruptRow(let table, let detail): return "the local \(table) table has a bad row: \(detail)"
        case .anotherRepsPage(let owner, let page):
            return
                "this device holds the data of rep \(owner) but the token is rep \(page)'s; nothing was mixed: run 'leadrelay logout' and log in again"
        }
    }
}
