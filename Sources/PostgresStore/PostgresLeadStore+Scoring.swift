public import Foundation
public import LeadModel
public import StoreContract

extension PostgresLeadStore {
    @discardableResult
    public func saveScoringModel(document: String, createdBy: String, note: String?, at date: Date) throws -> Int {
        try saveDocumentVersion(in: .scoringModel, document: document, createdBy: createdBy, note: note, at: date)
    }

    public func scoringModels() throws -> [StoredScoringModel] { try documentVersions(in: .scoringModel) }

    public func currentScoringModel() throws -> StoredScoringModel? {
        try documentVersions(in: .scoringModel, newestOnly: true).first
    }

    public func saveScores(_ scores: [LeadScore]) throws {
        guard !scores.isEmpty else { return }
        try write { try Self.writeScores(scores, in: $0) }
    }

    public func saveScoringPage(scores: [LeadScore], moves: [StageTransitionRequest]) throws -> [StageChange] {
        guard !scores.isEmpty || !moves.isEmpty else { return [] }
        return try write { session in
            try Self.writeScores(scores, in: session)
            var applied: [StageChange] = []
            for move in moves {
                do {
                    applied.append(try Self.applyTransition(move, in: session))
                } catch is StageTransitionError {
                    continue  // checked before any write: nothing of this move was written
                }
            }
            return applied
        }
    }

    static func writeScores(_ scores: [LeadScore], in session: PostgresSession) throws {
        guard !scores.isEmpty else { return }
        for version in Set(scores.map(\.modelVersion)) where try !scoringModelExists(version, in: session) {
            throw LeadStoreError.scoringModelNotFound(version)
        }
        let ids = scores.map(\.leadID.description)
        // Locked in id order before their owners are read (a reassignment meanwhile waits, or is seen).
        let existing = Set(
            try session.rows("SELECT id FROM lead WHERE id = ANY($1) ORDER BY id FOR UPDATE", [ids]).map {
                try $0.requiredText(0)
            })
        if let missing = scores.first(where: { !existing.contains($0.leadID.description) }) {
            throw LeadStoreError.leadNotFound(missing.leadID)
        }
        for score in scores {
            let leadID = score.leadID.description
            session.enqueue("UPDATE lead_score SET is_current = FALSE WHERE lead_id = $1 AND is_current", [leadID])
            session.enqueue(
                """
                INSERT INTO lead_score (lead_id, model_version, fit, engagement, total, grade, qualified,
                    contributions, scored_at, is_current)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, TRUE)
                ON CONFLICT (lead_id, model_version) DO UPDATE SET
                    fit = excluded.fit, engagement = excluded.engagement, total = excluded.total,
                    grade = excluded.grade, qualified = excluded.qualified,
                    contributions = excluded.contributions, scored_at = excluded.scored_at, is_current = TRUE
                """,
                [
                    leadID, score.modelVersion, score.fit, score.engagement, score.total, score.grade.rawValue,
                    score.qualified, try CanonicalJSON.encode(score.contributions),
                    score.scoredAt.timeIntervalSince1970,
                ])
        }
        // Each owned lead's rep sees its new score: one upsert per lead in the owner's scope.
        var byOwner: [String: [String]] = [:]
        for row in try session.rows("SELECT lead_id, rep_id FROM lead_assignment WHERE lead_id = ANY($1)", [ids]) {
            byOwner[try row.requiredText(1), default: []].append(try row.requiredText(0))
        }
        let at = scores.map(\.scoredAt).max() ?? Date()
        for (rep, leads) in byOwner.sorted(by: { $0.key < $1.key }) {
            try appendChangeLog(repID: rep, changes: leads.map { ($0, nil) }, at: at, in: session)
        }
    }

    public func currentScore(leadID: LeadID) throws -> LeadScore? {
        try read {
            try Self.fetchScores($0, "WHERE lead_id = $1 AND is_current", [leadID.description]).first
        }
    }

    public func currentScores(leadIDs: [LeadID]) throws -> [LeadID: LeadScore] {
        guard !leadIDs.isEmpty else { return [:] }
        return try read { session in
            var byLead: [LeadID: LeadScore] = [:]
            for score in try Self.fetchScores(
                session, "WHERE is_current AND lead_id = ANY($1)", [leadIDs.map(\.description)])
            {
                byLead[score.leadID] = score
            }
            return byLead
        }
    }

    static func scoringModelExists(_ version: Int, in session: PostgresSession) throws -> Bool {
        !(try session.rows("SELECT 1 FROM scoring_model WHERE version = $1", [version]).isEmpty)
    }

    private static func fetchScores(_ session: PostgresSession, _ clause: String, _ parameters: [any SQLBindable])
        throws -> [LeadScore]
    {
        let decoder = JSONDecoder()
        return try session.rows(
            """
            SELECT lead_id, model_version, fit, engagement, total, grade, qualified, contributions, scored_at
            FROM lead_score \(clause)
            """, parameters
        ).map { row in
            let leadText = try row.requiredText(0)
            guard let leadID = LeadID(uuidString: leadText), let grade = Grade(rawValue: try row.requiredText(5)) else {
                throw LeadStoreError.corruptRow(table: "lead_score", detail: "lead \(leadText): bad id or grade")
            }
            let contributions: [ScoreContribution]
            do {
                contributions = try decoder.decode([ScoreContribution].self, from: Data(try row.requiredText(7).utf8))
            } catch {
                throw LeadStoreError.corruptRow(
                    table: "lead_score", detail: "lead \(leadText): malformed contributions (\(error))")
            }
            return LeadScore(
                leadID: leadID, fit: try row.requiredDouble(2), engagement: try row.requiredDouble(3),
                total: try row.requiredDouble(4), grade: grade, qualified: try row.requiredBool(6),
                modelVersion: Int(try row.requiredInt64(1)), contributions: contributions,
                scoredAt: Date(timeIntervalSince1970: try row.requiredDouble(8)))
        }
    }
}
