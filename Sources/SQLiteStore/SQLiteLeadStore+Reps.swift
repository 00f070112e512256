import Foundation
import GRDB
public import LeadModel
import StoreContract

extension SQLiteLeadStore {
    /// Adds a rep in one write transaction.
    /// - Throws: ``LeadStoreError/repEmailTaken(_:)`` (with the normalised email) when another rep
    ///   has that email; a GRDB `DatabaseError` for a duplicate id or a negative capacity.
    public func addRep(_ rep: Rep) throws {
        try write { db in
            let taken =
                try Bool.fetchOne(
                    db.cachedStatement(sql: "SELECT 1 FROM rep WHERE email_normalized = ?"),
                    arguments: [rep.email.normalized]) != nil
            if taken { throw LeadStoreError.repEmailTaken(rep.email.normalized) }
            try db.cachedStatement(
                sql: """
                    INSERT INTO rep (id, name, email, email_normalized, territory, capacity, active)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                rep.id.description, rep.name, rep.email.address, rep.email.normalized, rep.territory,
                rep.capacity, rep.isActive,
            ])
        }
    }

    /// All reps, by name (case-insensitive), then id.
    public func reps() throws -> [Rep] {
        try read { db in
            try Self.fetchReps(db, sql: "SELECT \(Self.repColumns) FROM rep ORDER BY name COLLATE NOCASE, id")
        }
    }

    /// The rep with this id, or `nil`.
    public func rep(id: RepID) throws -> Rep? {
        try read { db in
            try Self.fetchReps(db, sql: "SELECT \(Self.repColumns) FROM rep WHERE id = ?", arguments: [id.description])
                .first
        }
    }

    /// The rep whose normalised email equals `email`'s, or `nil`.
    public func rep(email: EmailAddress) throws -> Rep? {
        try read { db in
            try Self.fetchReps(
                db, sql: "SELECT \(Self.repColumns) FROM rep WHERE email_normalized = ?",
                arguments: [email.normalized]
            ).first
        }
    }

    /// Marks the rep inactive (idempotent): they keep their leads but receive no new ones.
    /// - Throws: ``LeadStoreError/repNotFound(_:)``.
    public func deactivateRep(id: RepID) throws {
        try write { db in
            try db.execute(sql: "UPDATE rep SET active = 0 WHERE id = ?", arguments: [id.description])
            if db.changesCount == 0 { throw LeadStoreError.repNotFound(id) }
        }
    }

    private static let repColumns = "id, name, email, territory, capacity, active"

    private static func fetchReps(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Rep] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            guard let id = RepID(uuidString: row[0]) else {
                throw LeadStoreError.corruptRow(table: "rep", detail: "id is not a UUID")
            }
            return Rep(
                id: id, name: row[1], email: EmailAddress(row[2]), territory: row[3], capacity: row[4],
                isActive: row[5])
        }
    }
}
