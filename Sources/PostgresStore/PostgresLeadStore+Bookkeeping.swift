import LeadModel

extension PostgresLeadStore {
    /// Records a hand-off with the lead's current score snapshot (as the SQLite store's
    /// `recordHandoff`), inside the caller's transaction.
    static func recordHandoff(
        leadID: String, repID: String, at date: Double, by actor: String, in session: PostgresSession
    )
        throws
    {
        session.enqueue(
            """
            INSERT INTO lead_handoff (lead_id, rep_id, handed_at, handed_by, score_total, grade, model_version, contributions)
            SELECT $1, $2, $3, $4, s.total, s.grade, s.model_version, COALESCE(s.contributions, '[]')
            FROM (SELECT 1) AS one LEFT JOIN lead_score s ON s.lead_id = $1 AND s.is_current
            """, [leadID, repID, date, actor])
    }

    /// Records a rep's reject (replacing an earlier one's row; its cool-down recorded apart).
    static func recordRejection(leadID: String, reason: ReasonCode?, at date: Double, in session: PostgresSession)
        throws
    {
        session.enqueue(
            """
            INSERT INTO lead_rejection (lead_id, reason, rejected_at, score_at_rejection)
            VALUES ($1, $2, $3, (SELECT total FROM lead_score WHERE lead_id = $1 AND is_current))
            ON CONFLICT (lead_id) DO UPDATE SET reason = excluded.reason, rejected_at = excluded.rejected_at,
                score_at_rejection = excluded.score_at_rejection, cool_down_until = NULL
            """, [leadID, reason?.rawValue, date])
    }

    /// Sets the lead's cool-down and copies it onto its reject's row.
    static func recordCoolDown(leadID: String, until: Double, in session: PostgresSession) {
        session.enqueue(
            """
            INSERT INTO lead_cool_down (lead_id, until) VALUES ($1, $2)
            ON CONFLICT (lead_id) DO UPDATE SET until = excluded.until
            """, [leadID, until])
        session.enqueue("UPDATE lead_rejection SET cool_down_until = $1 WHERE lead_id = $2", [until, leadID])
    }
}
