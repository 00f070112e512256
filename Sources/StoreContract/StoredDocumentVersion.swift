public import Foundation

/// One saved version of a document people edit and the store versions: the scoring model (SPEC §4)
/// or the sales manager's routing rules (issue 6 item 1). The document is kept exactly as
/// submitted (JSON or YAML; parsing it is LeadScoring's or LeadPipeline's job), with who saved it
/// when. Versions count up from 1; a saved version never changes, and the highest is in force.
public struct StoredDocumentVersion: Hashable, Codable, Sendable {
    /// The version number, from 1 (scores and scoring stage changes record the model's).
    public var version: Int
    /// The document exactly as submitted.
    public var document: String
    /// When it was saved.
    public var createdAt: Date
    /// Who saved it (`admin-api`, `admin:<name>`, …).
    public var createdBy: String
    /// Why it changed, when the author said.
    public var note: String?

    /// A stored version.
    public init(version: Int, document: String, createdAt: Date, createdBy: String, note: String? = nil) {
        self.version = version
        self.document = document
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.note = note
    }
}

/// One saved version of the scoring model.
public typealias StoredScoringModel = StoredDocumentVersion

/// One saved version of the routing rules.
public typealias StoredRoutingRules = StoredDocumentVersion
