public import Foundation
public import StoreContract

extension SQLiteLeadStore: RoutingRulesStore {
    /// Saves a new routing-rules version in one write transaction.
    /// - Returns: the new version number.
    /// - Throws: a GRDB `DatabaseError` when the document or author is empty (schema CHECKs).
    @discardableResult
    public func saveRoutingRules(document: String, createdBy: String, note: String?, at date: Date) throws -> Int {
        try saveDocumentVersion(in: .routingRules, document: document, createdBy: createdBy, note: note, at: date)
    }

    /// Every saved routing-rules version, version 1 first.
    public func routingRulesVersions() throws -> [StoredRoutingRules] {
        try documentVersions(in: .routingRules)
    }

    /// The highest saved routing-rules version, or `nil` before the first.
    public func currentRoutingRules() throws -> StoredRoutingRules? {
        try currentDocumentVersion(in: .routingRules)
    }
}
