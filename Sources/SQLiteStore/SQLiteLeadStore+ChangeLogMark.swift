import GRDB
public import LeadModel
public import StoreContract

extension SQLiteLeadStore {
    /// Where the change log stands now for the rep (one read of two small rows).
    /// - Throws: a database error.
    public func changeLogMark(repID: RepID) throws -> ChangeLogMark {
        try read { db in
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'change_log'),
                            (SELECT pruned_through FROM change_log_horizon WHERE rep_id = ?)
                        """),
                arguments: [repID.description])
            return ChangeLogMark(lastSequence: row?[0] ?? 0, prunedThrough: row?[1] ?? 0)
        }
    }
}
