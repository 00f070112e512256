import LeadModel
import ServerStore

/// Finds a rep by id or email for the admin verbs.
struct RepLookup {
    let store: any LeadStore

    /// The rep whose id or email is `text`.
    /// - Throws: ``CommandFailure`` when no rep matches.
    func rep(matching text: String) throws -> Rep {
        if let id = RepID(uuidString: text), let rep = try store.rep(id: id) { return rep }
        if let rep = try store.rep(email: EmailAddress(text)) { return rep }
        throw CommandFailure("no rep with id or email '\(text)'; see `leadrelay-server reps list`")
    }
}
