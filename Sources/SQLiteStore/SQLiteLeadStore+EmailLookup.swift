import GRDB
public import LeadModel
import StoreContract

extension SQLiteLeadStore {
    /// The lead with the smallest id whose normalised email is `email.normalized`, or `nil`
    /// (uses the `lead_email_normalized` index).
    public func lead(email: EmailAddress) throws -> Lead? {
        try read { db in
            try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT \(Lead.selectedColumns) FROM lead WHERE email_normalized = ? ORDER BY id LIMIT 1"),
                arguments: [email.normalized]
            ).map(Lead.init(row:))
        }
    }
}
