import Foundation
import GRDB
import LeadModel
public import StoreContract

extension SQLiteLeadStore {
    /// Runs one import in one write transaction (see ``LeadStore/importLeads(runID:_:)``); every
    /// row written is stamped with `runID` and the store clock's reading at the start of the run.
    ///
    /// `body` runs inside the write transaction: it must reach the store only through the session
    /// (calling another method of this store from `body` would wait on itself; GRDB stops with a
    /// reentrancy error). Imports run one at a time; readers keep seeing the previous state until
    /// the run commits.
    public func importLeads<Result>(
        runID: ImportRunID, _ body: (any LeadImportSession) throws -> Result
    ) throws -> Result {
        let startedAt = now()
        return try write { db in
            let session = SQLiteLeadImportSession(db: db, runID: runID, at: startedAt)
            defer { session.close() }
            return try body(session)
        }
    }
}
