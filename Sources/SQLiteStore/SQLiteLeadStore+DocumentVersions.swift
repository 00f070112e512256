import Foundation
import GRDB
import StoreContract

extension SQLiteLeadStore {
    /// The tables that keep versioned documents, all with the columns
    /// `version, document, created_at, created_by, note`.
    enum VersionedDocumentTable: String {
        case scoringModel = "scoring_model"
        case routingRules = "routing_rules"
    }

    /// Saves `document` as the version one above the highest in `table` (1 for the first), in one
    /// write transaction; the new version number.
    /// - Throws: a GRDB `DatabaseError` when the document or author is empty (schema CHECKs).
    func saveDocumentVersion(
        in table: VersionedDocumentTable, document: String, createdBy: String, note: String?, at date: Date
    ) throws -> Int {
        try write { db in
            let version = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM \(table.rawValue)") ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO \(table.rawValue) (version, document, created_at, created_by, note)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [version, document, date.timeIntervalSince1970, createdBy, note])
            return version
        }
    }

    /// Every version saved in `table`, version 1 first.
    func documentVersions(in table: VersionedDocumentTable) throws -> [StoredDocumentVersion] {
        try read { db in try Self.fetchDocumentVersions(db, table: table, order: "ORDER BY version") }
    }

    /// The highest version saved in `table`, or `nil` before the first.
    func currentDocumentVersion(in table: VersionedDocumentTable) throws -> StoredDocumentVersion? {
        try read { db in
            try Self.fetchDocumentVersions(db, table: table, order: "ORDER BY version DESC LIMIT 1").first
        }
    }

    private static func fetchDocumentVersions(
        _ db: Database, table: VersionedDocumentTable, order: String
    ) throws -> [StoredDocumentVersion] {
        try Row.fetchAll(
            db, sql: "SELECT version, document, created_at, created_by, note FROM \(table.rawValue) \(order)"
        ).map { row in
            StoredDocumentVersion(
                version: row[0], document: row[1], createdAt: Date(timeIntervalSince1970: row[2]),
                createdBy: row[3], note: row[4])
        }
    }
}
