public import Foundation
public import StoreContract

extension PostgresLeadStore: RoutingRulesStore {
    @discardableResult
    public func saveRoutingRules(document: String, createdBy: String, note: String?, at date: Date) throws -> Int {
        try saveDocumentVersion(in: .routingRules, document: document, createdBy: createdBy, note: note, at: date)
    }

    public func routingRulesVersions() throws -> [StoredRoutingRules] { try documentVersions(in: .routingRules) }

    public func currentRoutingRules() throws -> StoredRoutingRules? {
        try documentVersions(in: .routingRules, newestOnly: true).first
    }
}
