import GRDB
public import LeadModel
public import StoreContract

extension SQLiteLeadStore {
    /// Saves a scoring run's page of scores and stage moves in one write transaction; refused
    /// moves are skipped (see ``LeadStore/saveScoringPage(scores:moves:)``).
    /// - Returns: the moves applied, in request order.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)`` or ``LeadStoreError/scoringModelNotFound(_:)``;
    ///   nothing of the page is stored then.
    public func saveScoringPage(scores: [LeadScore], moves: [StageTransitionRequest]) throws -> [StageChange] {
        guard !scores.isEmpty || !moves.isEmpty else { return [] }
        return try write { db in
            try Self.writeScores(scores, in: db)
            var applied: [StageChange] = []
            applied.reserveCapacity(moves.count)
            for move in moves {
                do {
                    applied.append(try Self.applyTransition(move, in: db))
                } catch is StageTransitionError {
                    continue  // checked before any write: nothing of this move was written
                }
            }
            return applied
        }
    }
}
