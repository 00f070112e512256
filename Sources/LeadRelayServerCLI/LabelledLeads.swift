import LeadModel
import LeadPipeline

/// Reads every lead with a known outcome, and their events, page by page (for `evaluate` and
/// `model calibrate`), ordered by external id (then id) so folds do not depend on random ids.
struct LabelledLeads {
    let leads: [Lead]
    let events: [LeadID: [EngagementEvent]]

    /// - Throws: ``CommandFailure`` when no lead has a known outcome.
    init(backend: LeadRelayBackend, source: LabelSource) throws {
        var leads: [Lead] = []
        var events: [LeadID: [EngagementEvent]] = [:]
        var lastID: LeadID?
        while true {
            let page = try backend.leads(after: lastID, limit: 2_000)
            guard let last = page.last else { break }
            lastID = last.id
            let labelled = page.filter { $0.outcome != nil }
            leads += labelled
            events.merge(try backend.events(leadIDs: labelled.map(\.id))) { first, _ in first }
        }
        guard !leads.isEmpty else {
            throw CommandFailure(
                "no lead has a known outcome to learn from (--label-from \(source.rawValue)); import a labelled file first"
            )
        }
        // Store order is by random lead id; order by the source's id instead, so that the same file
        // and seed give the same folds in every store.
        self.leads = leads.sorted { ($0.externalID ?? "", $0.id) < ($1.externalID ?? "", $1.id) }
        self.events = events
    }
}
