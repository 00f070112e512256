import Foundation
import GRDB
import LeadModel
import StoreContract

extension SQLiteLeadStore {
    /// Records a hand-off with the lead's current score as the rep saw it (total, grade, model
    /// version, contributions; `NULL`s and `[]` for a lead never scored), inside the caller's
    /// transaction. Called by every path that gives a lead a new owner; the quality report reads
    /// these rows (SPEC §4: what the model said when sales was handed the lead).
    static func recordHandoff(leadID: String, repID: String, at date: Double, by actor: String, in db: Database)
        throws
    {
        try db.cachedStatement(
            sql: """
                INSERT INTO lead_handoff
                    (lead_id, rep_id, handed_at, handed_by, score_total, grade, model_version, contributions)
                SELECT ?1, ?2, ?3, ?4, s.total, s.grade, s.model_version, COALESCE(s.contributions, '[]')
                FROM (SELECT 1) LEFT JOIN lead_score s ON s.lead_id = ?1 AND s.is_current = 1
                """
        ).execute(arguments: [leadID, repID, date, actor])
    }

    /// Records a rep's reject (the lead's latest): its reason, when, and the lead's current score
    /// total then, replacing an earlier reject's row; its cool-down is recorded apart by
    /// ``recordCoolDown(leadID:until:in:)`` (a terminal reject has none). Inside the caller's
    /// transaction.
    static func recordRejection(leadID: String, reason: ReasonCode?, at date: Double, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO lead_rejection (lead_id, reason, rejected_at, score_at_rejection)
                VALUES (?1, ?2, ?3, (SELECT total FROM lead_score WHERE lead_id = ?1 AND is_current = 1))
                ON CONFLICT (lead_id) DO UPDATE SET reason = excluded.reason,
                    rejected_at = excluded.rejected_at, score_at_rejection = excluded.score_at_rejection,
                    cool_down_until = NULL
                """
        ).execute(arguments: [leadID, reason?.rawValue, date])
    }

    /// Sets the lead's cool-down (seconds since 1970) and copies it onto its reject's row, which
    /// outlives the cool-down row (the recycling run deletes that when the cool-down ends).
    static func recordCoolDown(leadID: String, until: Double, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO lead_cool_down (lead_id, until) VALUES (?, ?)
                ON CONFLICT (lead_id) DO UPDATE SET until = excluded.until
                """
        ).execute(arguments: [leadID, until])
        try db.cachedStatement(sql: "UPDATE lead_rejection SET cool_down_until = ? WHERE lead_id = ?")
            .execute(arguments: [until, leadID])
    }
}
