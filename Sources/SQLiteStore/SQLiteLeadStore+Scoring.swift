public import Foundation
import GRDB
public import LeadModel
public import StoreContract

extension SQLiteLeadStore {
    /// Saves a new scoring-model version, numbered one above the highest stored (1 for the first),
    /// in one write transaction.
    /// - Parameters:
    ///   - document: the model document as written (JSON or YAML), stored verbatim.
    ///   - createdBy: who saved it (`admin:<name>`); must not be empty.
    ///   - note: why it changed, if said.
    ///   - date: when it was saved.
    /// - Returns: the new version number.
    /// - Throws: a GRDB `DatabaseError` when the document or author is empty.
    public func saveScoringModel(document: String, createdBy: String, note: String?, at date: Date) throws -> Int {
        try saveDocumentVersion(in: .scoringModel, document: document, createdBy: createdBy, note: note, at: date)
    }

    /// Every saved model version, version 1 first.
    public func scoringModels() throws -> [StoredScoringModel] {
        try documentVersions(in: .scoringModel)
    }

    /// The highest saved version, or `nil` before the first model is saved.
    public func currentScoringModel() throws -> StoredScoringModel? {
        try currentDocumentVersion(in: .scoringModel)
    }

    /// Saves the scores in one write transaction; each becomes its lead's current score, replacing
    /// an earlier score of the same lead under the same model version.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)`` or ``LeadStoreError/scoringModelNotFound(_:)``
    ///   for the first score naming an unknown lead or model version; nothing is stored then.
    public func saveScores(_ scores: [LeadScore]) throws {
        guard !scores.isEmpty else { return }
        try write { db in try Self.writeScores(scores, in: db) }
    }

    /// Writes `scores` inside the caller's transaction (see ``saveScores(_:)``).
    static func writeScores(_ scores: [LeadScore], in db: Database) throws {
        var knownVersions: Set<Int> = []
        let leadExists = try db.cachedStatement(sql: "SELECT 1 FROM lead WHERE id = ?")
        let retire = try db.cachedStatement(
            sql: "UPDATE lead_score SET is_current = 0 WHERE lead_id = ? AND is_current = 1")
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO lead_score (lead_id, model_version, fit, engagement, total, grade, qualified,
                    contributions, scored_at, is_current)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (lead_id, model_version) DO UPDATE SET
                    fit = excluded.fit, engagement = excluded.engagement, total = excluded.total,
                    grade = excluded.grade, qualified = excluded.qualified,
                    contributions = excluded.contributions, scored_at = excluded.scored_at,
                    is_current = 1
                """)
        for score in scores {
            if !knownVersions.contains(score.modelVersion) {
                guard try Self.scoringModelExists(score.modelVersion, in: db) else {
                    throw LeadStoreError.scoringModelNotFound(score.modelVersion)
                }
                knownVersions.insert(score.modelVersion)
            }
            let leadID = score.leadID.description
            guard try Bool.fetchOne(leadExists, arguments: [leadID]) != nil else {
                throw LeadStoreError.leadNotFound(score.leadID)
            }
            let contributions = try CanonicalJSON.encode(score.contributions)
            try retire.execute(arguments: [leadID])
            try upsert.execute(arguments: [
                leadID, score.modelVersion, score.fit, score.engagement, score.total, score.grade.rawValue,
                score.qualified, contributions, score.scoredAt.timeIntervalSince1970,
            ])
            try Self.logUpsertForOwner(leadID: leadID, at: score.scoredAt, in: db)
        }
    }

    /// The lead's current score (the one saved last) with its contributions, or `nil`.
    public func currentScore(leadID: LeadID) throws -> LeadScore? {
        try read { db in
            try Self.fetchScores(
                db, sql: "SELECT \(Self.scoreColumns) FROM lead_score WHERE lead_id = ? AND is_current = 1",
                arguments: [leadID.description]
            ).first
        }
    }

    /// The current scores of several leads at once; leads never scored are absent.
    public func currentScores(leadIDs: [LeadID]) throws -> [LeadID: LeadScore] {
        guard !leadIDs.isEmpty else { return [:] }
        return try read { db in
            var byLead: [LeadID: LeadScore] = [:]
            for chunkStart in stride(from: 0, to: leadIDs.count, by: 500) {
                let chunk = leadIDs[chunkStart..<min(chunkStart + 500, leadIDs.count)]
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                for score in try Self.fetchScores(
                    db,
                    sql: """
                        SELECT \(Self.scoreColumns) FROM lead_score
                        WHERE is_current = 1 AND lead_id IN (\(placeholders))
                        """,
                    arguments: StatementArguments(chunk.map(\.description)))
                {
                    byLead[score.leadID] = score
                }
            }
            return byLead
        }
    }

    static func scoringModelExists(_ version: Int, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM scoring_model WHERE version = ?"), arguments: [version]) != nil
    }

    private static let scoreColumns =
        "lead_id, model_version, fit, engagement, total, grade, qualified, contributions, scored_at"

    private static func fetchScores(_ db: Database, sql: String, arguments: StatementArguments) throws -> [LeadScore] {
        let decoder = JSONDecoder()
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let leadText: String = row[0]
            let gradeText: String = row[5]
            guard let leadID = LeadID(uuidString: leadText), let grade = Grade(rawValue: gradeText) else {
                throw LeadStoreError.corruptRow(table: "lead_score", detail: "lead \(leadText): bad id or grade")
            }
            let contributionsText: String = row[7]
            let contributions: [ScoreContribution]
            do {
                contributions = try decoder.decode([ScoreContribution].self, from: Data(contributionsText.utf8))
            } catch {
                throw LeadStoreError.corruptRow(
                    table: "lead_score", detail: "lead \(leadText): malformed contributions (\(error))")
            }
            return LeadScore(
                leadID: leadID, fit: row[2], engagement: row[3], total: row[4], grade: grade, qualified: row[6],
                modelVersion: row[1], contributions: contributions, scoredAt: Date(timeIntervalSince1970: row[8]))
        }
    }
}
