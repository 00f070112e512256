import LeadModel
import LeadPipeline

/// Finds a rep by id or email for the admin verbs.
struct RepLookup {
    let backend: LeadRelayBackend

    /// The rep whose id or email is `text`.
    /// - Throws: ``CommandFailure`` when no rep matches.
    func rep(matching text: String) throws -> Rep {
        if let id = RepID(uuidString: text), let rep = try backend.rep(id: id) { return rep }
        if let rep = try backend.rep(email: EmailAddress(text)) { return rep }
        throw CommandFailure("no rep with id or email '\(text)'; see `leadrelay-server reps list`")
    }
}
