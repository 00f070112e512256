public import LeadModel
import StoreContract

extension PostgresLeadStore {
    public func addRep(_ rep: Rep) throws {
        try write { session in
            guard try session.rows("SELECT 1 FROM rep WHERE email_normalized = $1", [rep.email.normalized]).isEmpty
            else { throw LeadStoreError.repEmailTaken(rep.email.normalized) }
            do {
                try session.execute(
                    """
                    INSERT INTO rep (id, name, email, email_normalized, territory, capacity, active)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """,
                    [
                        rep.id.description, rep.name, rep.email.address, rep.email.normalized, rep.territory,
                        rep.capacity, rep.isActive,
                    ])
            } catch  where PostgresErrors.isUniqueViolation(error, constraint: "rep_email_normalized_key") {
                // Another process added the same email meanwhile.
                throw LeadStoreError.repEmailTaken(rep.email.normalized)
            }
        }
    }

    public func reps() throws -> [Rep] {
        try read {
            try Self.fetchReps(
                $0, "SELECT \(Self.repColumns) FROM rep ORDER BY lower(name COLLATE \"C\") COLLATE \"C\", id")
        }
    }

    public func rep(id: RepID) throws -> Rep? {
        try read { try Self.fetchReps($0, "SELECT \(Self.repColumns) FROM rep WHERE id = $1", [id.description]).first }
    }

    public func rep(email: EmailAddress) throws -> Rep? {
        try read {
            try Self.fetchReps($0, "SELECT \(Self.repColumns) FROM rep WHERE email_normalized = $1", [email.normalized])
                .first
        }
    }

    public func deactivateRep(id: RepID) throws {
        try write { session in
            if try session.execute("UPDATE rep SET active = FALSE WHERE id = $1", [id.description]) == 0 {
                throw LeadStoreError.repNotFound(id)
            }
        }
    }

    private static let repColumns = "id, name, email, territory, capacity, active"

    private static func fetchReps(_ session: PostgresSession, _ sql: String, _ parameters: [any SQLBindable] = [])
        throws -> [Rep]
    {
        try session.rows(sql, parameters).map { row in
            guard let id = RepID(uuidString: try row.requiredText(0)) else {
                throw LeadStoreError.corruptRow(table: "rep", detail: "id is not a UUID")
            }
            return Rep(
                id: id, name: try row.requiredText(1), email: EmailAddress(try row.requiredText(2)),
                territory: try row.text(3), capacity: Int(try row.requiredInt64(4)), isActive: try row.requiredBool(5))
        }
    }
}
