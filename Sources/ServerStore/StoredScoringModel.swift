public import Foundation

/// One saved version of the scoring model (SPEC §4): the document as people wrote it, and who
/// saved it when. Versions count up from 1; a saved version never changes.
public struct StoredScoringModel: Hashable, Sendable {
    /// The version number every score and scoring stage change records.
    public var version: Int
    /// The model document (JSON or YAML) exactly as submitted; parsing it is `LeadScoring`'s job.
    public var document: String
    /// When it was saved.
    public var createdAt: Date
    /// Who saved it (`admin:<name>`, …).
    public var createdBy: String
    /// Why it changed, when the author said.
    public var note: String?

    /// A stored model version.
    public init(version: Int, document: String, createdAt: Date, createdBy: String, note: String? = nil) {
        self.version = version
        self.document = document
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.note = note
    }
}
