import LeadModel

extension PostgresLeadStore {
    /// Records a rep's reject (replacing an earlier one's row; its cool-down recorded apart).
    static func recordRejection(leadID: String, reason: ReasonCode?, at date: Double, in session: PostgresSession) {
        recordRejections(leadIDs: [leadID], reasons: [reason?.rawValue ?? ""], at: date, in: session)
    }

    /// Records rejects of distinct leads in one statement, each with the lead's current score
    /// (replacing an earlier reject's row; cool-downs recorded apart).
    /// - Parameter reasons: each lead's reason code, `""` for none.
    static func recordRejections(leadIDs: [String], reasons: [String], at date: Double, in session: PostgresSession) {
        session.enqueue(
            """
            INSERT INTO lead_rejection (lead_id, reason, rejected_at, score_at_rejection)
            SELECT u.l, NULLIF(u.r, ''), $1, s.total
            FROM unnest($2::text[], $3::text[]) AS u(l, r) LEFT JOIN lead_score s ON s.lead_id = u.l AND s.is_current
            ON CONFLICT (lead_id) DO UPDATE SET reason = excluded.reason, rejected_at = excluded.rejected_at,
                score_at_rejection = excluded.score_at_rejection, cool_down_until = NULL
            """, [SQLValue.double(date), .texts(leadIDs), .texts(reasons)])
    }

    /// Sets distinct leads' cool-downs (seconds since 1970) and copies each onto its reject's row.
    static func recordCoolDowns(leadIDs: [String], until: [Double], in session: PostgresSession) {
        session.enqueue(
            """
            INSERT INTO lead_cool_down (lead_id, until) SELECT * FROM unnest($1::text[], $2::float8[])
            ON CONFLICT (lead_id) DO UPDATE SET until = excluded.until
            """, [SQLValue.texts(leadIDs), .doubles(until)])
        session.enqueue(
            """
            UPDATE lead_rejection r SET cool_down_until = u.until FROM unnest($1::text[], $2::float8[]) AS u(l, until)
            WHERE r.lead_id = u.l
            """, [SQLValue.texts(leadIDs), .doubles(until)])
    }
}
