import Foundation
public import LeadScoring
public import StoreContract

/// The scoring-model versions in the store, as models (SPEC §4 "Changing the model creates a new
/// version"): the store keeps each document verbatim and assigns its version number; this reads
/// them back with ``ScoringModelLoader`` and stamps the stored version on the model (the
/// document's own `version` key is not trusted).
public struct ScoringModelCatalog: Sendable {
    /// Why a stored model cannot be used.
    public struct StoredModelError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The version whose document no longer loads (say, after a schema change).
        public var version: Int
        /// The loader's error.
        public var error: ScoringModelLoadError

        /// One line naming the version and the problem.
        public var description: String { "stored model version \(version) cannot be read: \(error)" }
    }

    let store: any LeadStore

    /// A catalog over `store`.
    public init(store: any LeadStore) {
        self.store = store
    }

    /// The model in force (the highest version), or `nil` before any model is set.
    /// - Throws: ``StoredModelError`` when the stored document does not load; a store error.
    public func current() throws -> ScoringModel? {
        guard let stored = try store.currentScoringModel() else { return nil }
        return try model(of: stored)
    }

    /// The model of a stored version, with the stored version number.
    /// - Throws: ``StoredModelError`` when the document does not load.
    public func model(of stored: StoredScoringModel) throws(StoredModelError) -> ScoringModel {
        do {
            var model = try ScoringModelLoader.parse(stored.document, path: "model version \(stored.version)")
            model.version = stored.version
            return model
        } catch {
            throw StoredModelError(version: stored.version, error: error)
        }
    }
}
