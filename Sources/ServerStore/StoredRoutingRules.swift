public import Foundation

/// One saved version of the sales manager's routing rules (issue 6 item 1): the rules document as
/// written (YAML, or JSON), and who saved it when. Versions count up from 1, like the scoring
/// model's; a saved version never changes, and the highest one is in force.
public struct StoredRoutingRules: Hashable, Codable, Sendable {
    /// The version number, from 1.
    public var version: Int
    /// The rules document exactly as submitted; parsing it is LeadPipeline's job (`RoutingRules`).
    public var document: String
    /// When it was saved.
    public var createdAt: Date
    /// Who saved it (`admin-api`, `admin:<user>`, …).
    public var createdBy: String
    /// Why it changed, when the author said.
    public var note: String?

    /// A stored rules version.
    public init(version: Int, document: String, createdAt: Date, createdBy: String, note: String? = nil) {
        self.version = version
        self.document = document
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.note = note
    }
}
