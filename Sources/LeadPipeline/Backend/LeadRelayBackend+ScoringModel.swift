public import Foundation
public import LeadScoring
public import StoreContract

extension LeadRelayBackend {
    /// What putting a model in force did: the stored version and the rescoring under it.
    public struct ModelChange: Sendable {
        /// The version as stored (its number assigned by the store).
        public var stored: StoredScoringModel
        /// The model, with that version.
        public var model: ScoringModel
        /// Every lead rescored under it.
        public var scoring: ScoringRunSummary
    }

    /// Stores `document` (already loaded and validated as `model`) as the next model version and
    /// rescores every lead under it, in one transaction: the model is in force with its scores, or
    /// the previous one stays with its own.
    /// - Parameters:
    ///   - createdBy: who sets it (`admin:<name>`, `admin-api`).
    ///   - date: when; `clock` stamps the scores.
    /// - Throws: ``ScoringModelCatalog/StoredModelError`` when the stored text does not load back;
    ///   a store error.
    public func putScoringModelInForce(
        document: String, note: String?, createdBy: String, at date: Date,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> ModelChange {
        try store.atomically {
            let version = try store.saveScoringModel(document: document, createdBy: createdBy, note: note, at: date)
            guard let stored = try store.scoringModels().first(where: { $0.version == version }) else {
                throw LeadStoreError.scoringModelNotFound(version)
            }
            let model = try scoringModels.model(of: stored)
            let scoring = try scoringRun(clock: clock).run(model: model)
            return ModelChange(stored: stored, model: model, scoring: scoring)
        }
    }

    /// Loads and validates the model file at `path` (JSON or YAML), then puts its text in force as
    /// ``putScoringModelInForce(document:note:createdBy:at:clock:)`` does; nothing is saved when
    /// the file does not load, so the current model stays in force.
    /// - Throws: ``ScoringModelLoadError``; as the document form.
    public func putScoringModelInForce(
        path: String, note: String?, createdBy: String, at date: Date,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> ModelChange {
        _ = try ScoringModelLoader.load(path: path)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw ScoringModelLoadError.unreadable(path: path) }
        return try putScoringModelInForce(document: text, note: note, createdBy: createdBy, at: date, clock: clock)
    }
}
