public import Foundation
public import LeadModel
public import StoreContract

/// The admin API's intake (`POST /v1/admin/leads/batch`, `POST /v1/admin/events/batch`): a batch
/// of leads or events, deduplicated like a CSV import, then the changed leads scored under the
/// model in force (SPEC §3.1, §4), all in one transaction: a batch is stored with its scores or
/// not at all.
public struct BatchIntake: Sendable {
    private let store: any LeadStore & HandoffStore
    private let clock: @Sendable () -> Date

    /// An intake over `store` at the clock `clock` (scoring stamps).
    public init(store: any LeadStore & HandoffStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// A lead of the batch that could not be stored, by its position (0-based).
    public struct RefusedLead: Error, Hashable, Sendable {
        /// Its index in the batch.
        public var index: Int
        /// Why (an email shared by leads with different external ids).
        public var error: LeadStoreError
    }

    /// Creates or updates the leads (each with its dedupe key, in order), then scores the created
    /// and changed ones.
    /// - Returns: one upsert per lead, in order.
    /// - Throws: ``RefusedLead`` for a lead whose email matches several leads with different
    ///   external ids; ``ScoringModelCatalog/StoredModelError`` when the model in force no longer
    ///   loads; a store error. Nothing is stored then.
    public func upsert(_ leads: [(lead: Lead, dedupeKey: String)]) throws -> [LeadUpsert] {
        try store.atomically {
            try store.lockJob(ImportJob.name)
            let upserts = try store.importLeads(runID: ImportRunID()) { session in
                try leads.enumerated().map { index, item in
                    do {
                        return try session.upsert(item.lead, dedupeKey: item.dedupeKey)
                    } catch let error as LeadStoreError {
                        guard case .emailMatchesSeveralLeads = error else { throw error }
                        throw RefusedLead(index: index, error: error)
                    }
                }
            }
            try rescore(upserts.compactMap(\.outcome.changedLeadID))
            return upserts
        }
    }

    /// Records the events (an event already known, by its dedupe key, counts once), then scores
    /// their leads when any event was new.
    /// - Returns: how many were new.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)`` for an event of an unknown lead;
    ///   ``ScoringModelCatalog/StoredModelError``; a store error. Nothing is stored then.
    public func record(_ events: [EngagementEvent]) throws -> Int {
        try store.atomically {
            let recorded = try store.addEvents(events)
            if recorded > 0 { try rescore(events.map(\.leadID)) }
            return recorded
        }
    }

    private func rescore(_ leadIDs: [LeadID]) throws {
        guard !leadIDs.isEmpty, let model = try ScoringModelCatalog(store: store).current() else { return }
        _ = try ScoringRun(store: store, clock: clock).run(model: model, leadIDs: leadIDs)
    }
}
