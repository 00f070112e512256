internal import LeadModel
internal import LeadPipeline

extension LeadRelayAPI {
    /// Scores `leadIDs` under the model in force and moves their stages (SPEC §3.1, §4), after a
    /// batch of leads or events changed them; nothing when no model is set. The batch itself is
    /// already committed: a scoring failure is a 500 and the next `score` run catches up.
    /// - Throws: a store error; ``ScoringModelCatalog/StoredModelError`` when the stored model
    ///   no longer loads.
    func rescoreUnderCurrentModel(_ leadIDs: [LeadID]) throws {
        guard !leadIDs.isEmpty else { return }
        try domain {
            guard let model = try ScoringModelCatalog(store: store).current() else { return }
            _ = try ScoringRun(store: store, clock: now).run(model: model, leadIDs: leadIDs)
        }
    }
}
