import LeadPipeline
import LeadScoring

/// The model in force, for the verbs that need one; without one they say how to set it, in one line.
enum CurrentScoringModel {
    /// What the one-line error suggests.
    static let setHint = "leadrelay-server model set models/x-education.json"

    /// The current model.
    /// - Throws: ``CommandFailure`` when no model is set or the stored one does not load.
    static func required(in backend: LeadRelayBackend) throws -> ScoringModel {
        guard let model = try optional(in: backend) else {
            throw CommandFailure("no scoring model is set; set one first: \(setHint)")
        }
        return model
    }

    /// The current model, or `nil` when none is set.
    /// - Throws: ``CommandFailure`` when the stored one does not load.
    static func optional(in backend: LeadRelayBackend) throws -> ScoringModel? {
        do {
            return try backend.scoringModels.current()
        } catch let error as ScoringModelCatalog.StoredModelError {
            throw CommandFailure(error.description)
        }
    }
}
