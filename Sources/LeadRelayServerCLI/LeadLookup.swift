import LeadModel
import LeadPipeline

/// Finds a lead from what an admin types: a full id, a unique id prefix, or an external id.
struct LeadLookup {
    let backend: LeadRelayBackend

    /// - Throws: ``CommandFailure`` when nothing matches or a prefix matches several leads.
    func lead(matching text: String) throws -> Lead {
        if let id = LeadID(uuidString: text), let lead = try backend.lead(id: id) { return lead }
        if let lead = try backend.lead(dedupeKey: "ext:" + text) { return lead }
        let prefix = text.lowercased()
        if prefix.count >= 4, prefix.allSatisfy(\.isHexDigit) || prefix.contains("-") {
            let matches = try backend.leads(idPrefix: prefix, limit: 2)
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 { throw CommandFailure("'\(text)' matches several leads; give more of the id") }
        }
        throw CommandFailure("no lead with id, id prefix or external id '\(text)'; see `leadrelay-server leads list`")
    }
}
