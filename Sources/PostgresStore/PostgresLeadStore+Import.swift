public import StoreContract

extension PostgresLeadStore {
    public func importLeads<Result>(runID: ImportRunID, _ body: (any LeadImportSession) throws -> Result) throws
        -> Result
    {
        let startedAt = now()
        return try write { session in
            let importSession = PostgresLeadImportSession(session: session, runID: runID, at: startedAt)
            defer { importSession.close() }
            return try body(importSession)
        }
    }
}
