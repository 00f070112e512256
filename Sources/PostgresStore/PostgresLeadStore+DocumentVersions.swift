import Foundation
import StoreContract

extension PostgresLeadStore {
    /// The tables of versioned documents (scoring models, routing rules).
    enum VersionedDocumentTable: String {
        case scoringModel = "scoring_model"
        case routingRules = "routing_rules"
    }

    /// Saves `document` as the next version (one above the highest); the table's lock makes two
    /// processes saving at once take two versions instead of failing.
    func saveDocumentVersion(
        in table: VersionedDocumentTable, document: String, createdBy: String, note: String?, at date: Date
    ) throws -> Int {
        try write { session in
            try session.execute("LOCK TABLE \(table.rawValue) IN SHARE ROW EXCLUSIVE MODE")
            let version =
                Int(try session.rows("SELECT COALESCE(MAX(version), 0) FROM \(table.rawValue)")[0].requiredInt64(0)) + 1
            try session.execute(
                "INSERT INTO \(table.rawValue) (version, document, created_at, created_by, note) VALUES ($1, $2, $3, $4, $5)",
                [version, document, date.timeIntervalSince1970, createdBy, note])
            return version
        }
    }

    func documentVersions(in table: VersionedDocumentTable, newestOnly: Bool = false) throws -> [StoredDocumentVersion]
    {
        try read { session in
            try session.rows(
                """
                SELECT version, document, created_at, created_by, note FROM \(table.rawValue)
                ORDER BY version \(newestOnly ? "DESC LIMIT 1" : "")
                """
            ).map { row in
                StoredDocumentVersion(
                    version: Int(try row.requiredInt64(0)), document: try row.requiredText(1),
                    createdAt: Date(timeIntervalSince1970: try row.requiredDouble(2)),
                    createdBy: try row.requiredText(3),
                    note: try row.text(4))
            }
        }
    }
}
