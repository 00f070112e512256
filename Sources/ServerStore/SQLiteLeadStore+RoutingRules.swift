public import Foundation
import GRDB

extension SQLiteLeadStore: RoutingRulesStore {
    /// Saves a new routing-rules version in one write transaction.
    /// - Returns: the new version number.
    /// - Throws: a GRDB `DatabaseError` when the document or author is empty (schema CHECKs).
    @discardableResult
    public func saveRoutingRules(document: String, createdBy: String, note: String?, at date: Date) throws -> Int {
        try writer.write { db in
            let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM routing_rules") ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO routing_rules (version, document, created_at, created_by, note)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [version, document, date.timeIntervalSince1970, createdBy, note])
            return version
        }
    }

    /// Every saved routing-rules version, version 1 first.
    public func routingRulesVersions() throws -> [StoredRoutingRules] {
        try writer.read { db in
            try Self.fetchRoutingRules(
                db, sql: "SELECT \(Self.routingRulesColumns) FROM routing_rules ORDER BY version")
        }
    }

    /// The highest saved routing-rules version, or `nil` before the first.
    public func currentRoutingRules() throws -> StoredRoutingRules? {
        try writer.read { db in
            try Self.fetchRoutingRules(
                db, sql: "SELECT \(Self.routingRulesColumns) FROM routing_rules ORDER BY version DESC LIMIT 1"
            ).first
        }
    }

    private static let routingRulesColumns = "version, document, created_at, created_by, note"

    private static func fetchRoutingRules(_ db: Database, sql: String) throws -> [StoredRoutingRules] {
        try Row.fetchAll(db, sql: sql).map { row in
            StoredRoutingRules(
                version: row[0], document: row[1], createdAt: Date(timeIntervalSince1970: row[2]),
                createdBy: row[3], note: row[4])
        }
    }
}
