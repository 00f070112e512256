public import Foundation
public import LeadModel
import PostgresNIO
public import StoreContract
public import SyncProtocol

extension PostgresLeadStore {
    /// One page in one statement (one snapshot, no transaction around it): the rep's horizon, the
    /// sequence's last value and the digest at the cursor, beside the page's change-log rows each
    /// joined to its lead, assignment, current score and notes. A cursor past which the log has no
    /// row is answered by a cheaper statement first (``unchangedPage(rep:after:)``).
    public func changes(repID: RepID, after sequence: Int64, limit: Int, includeRemovals: Bool) throws -> PullPage {
        precondition(limit > 0, "a page holds at least one change")
        let rep = repID.description
        if sequence > 0, let unchanged = try unchangedPage(rep: rep, after: sequence) { return unchanged }
        let rows = try readStatement { session in
            try session.rows(
                """
                SELECT m.horizon, m.last_taken, b.scope_count, b.scope_hash,
                    p.seq, p.lead_id, p.kind, p.removal_reason, p.at, p.scope_count, p.scope_hash,
                    l.stage, l.external_id, l.first_name, l.last_name, l.email, l.phone, l.company, l.title,
                    l.country, l.city, l.source, l.do_not_email, l.do_not_call, a.rep_id, a.assigned_at,
                    s.total, s.fit, s.engagement, s.grade, s.model_version, s.contributions, n.texts, n.times
                FROM (
                    SELECT COALESCE((SELECT pruned_through FROM change_log_horizon WHERE rep_id = $1), 0) AS horizon,
                        (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM change_log_seq) AS last_taken
                ) AS m
                LEFT JOIN LATERAL (
                    SELECT scope_count, scope_hash FROM change_log WHERE rep_id = $1 AND seq <= $2
                    ORDER BY seq DESC LIMIT 1
                ) AS b ON true
                LEFT JOIN LATERAL (
                    SELECT seq, lead_id, kind, removal_reason, at, scope_count, scope_hash FROM change_log
                    WHERE rep_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
                ) AS p ON true
                LEFT JOIN lead l ON p.kind = 'upsert' AND l.id = p.lead_id
                LEFT JOIN lead_assignment a ON a.lead_id = l.id
                LEFT JOIN lead_score s ON s.lead_id = l.id AND s.is_current
                LEFT JOIN LATERAL (
                    SELECT array_agg(text ORDER BY id) AS texts, array_agg(created_at ORDER BY id) AS times
                    FROM rep_note WHERE lead_id = l.id
                ) AS n ON l.id IS NOT NULL
                ORDER BY p.seq
                """, [rep, sequence, limit + 1])
        }
        guard let first = rows.first else {
            throw LeadStoreError.corruptRow(table: "change_log", detail: "the page read answered no row")
        }
        try Self.checkCursor(sequence, against: first)
        let window = try rows.prefix(limit).filter { try $0.int64(4) != nil }
        let hasMore = rows.count > limit
        guard let last = window.last else { return try emptyPage(after: sequence, digestIn: first) }
        var latest: [String: Int64] = [:]
        for row in window { latest[try row.requiredText(5)] = try row.requiredInt64(4) }
        var upserts: [SyncedLead] = []
        var removals: [LeadRemoval] = []
        let decoder = JSONDecoder()
        for row in window {
            let seq = try row.requiredInt64(4)
            let leadText = try row.requiredText(5)
            guard latest[leadText] == seq else { continue }
            if try row.requiredText(6) == "upsert" {
                if let synced = try Self.syncedLead(row, rep: rep, decoder: decoder) { upserts.append(synced) }
            } else if includeRemovals {
                guard let leadID = LeadID(uuidString: leadText) else {
                    throw LeadStoreError.corruptRow(table: "change_log", detail: "lead id '\(leadText)'")
                }
                let reasonText = try row.text(7) ?? ""
                guard let reason = RemovalReason(rawValue: reasonText) else {
                    throw LeadStoreError.corruptRow(table: "change_log", detail: "removal reason '\(reasonText)'")
                }
                removals.append(LeadRemoval(leadID: leadID, reason: reason))
            }
        }
        let digest = ScopeDigest(
            count: Int(try last.requiredInt64(9)), hash: UInt64(bitPattern: try last.requiredInt64(10)))
        return PullPage(
            cursor: SyncCursor(epoch: epoch, sequence: try last.requiredInt64(4)), hasMore: hasMore, upserts: upserts,
            removals: removals, scopeCount: digest.count, scopeHash: digest.hashText)
    }

    /// The page for a cursor past which the rep's log has no row (a no-change pull), read with one
    /// statement that PostgreSQL plans in about a quarter of the page statement's time; `nil` when
    /// rows follow the cursor.
    /// - Throws: ``SyncError/resyncRequired`` for a cursor below the horizon or past the end.
    private func unchangedPage(rep: String, after sequence: Int64) throws -> PullPage? {
        let rows = try readStatement { session in
            try session.rows(
                """
                SELECT COALESCE((SELECT pruned_through FROM change_log_horizon WHERE rep_id = $1), 0),
                    (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM change_log_seq),
                    b.scope_count, b.scope_hash,
                    EXISTS (SELECT 1 FROM change_log WHERE rep_id = $1 AND seq > $2)
                FROM (SELECT 1) AS one LEFT JOIN LATERAL (
                    SELECT scope_count, scope_hash FROM change_log WHERE rep_id = $1 AND seq <= $2
                    ORDER BY seq DESC LIMIT 1
                ) AS b ON true
                """, [rep, sequence])
        }
        guard let row = rows.first else {
            throw LeadStoreError.corruptRow(table: "change_log", detail: "the cursor check answered no row")
        }
        try Self.checkCursor(sequence, against: row)
        return try row.requiredBool(4) ? nil : emptyPage(after: sequence, digestIn: row)
    }

    /// Refuses a cursor below the rep's horizon or above the sequence's last value (taken, not
    /// necessarily committed: a cursor above it comes from another database), read from a row whose
    /// first two columns are those.
    private static func checkCursor(_ sequence: Int64, against row: PostgresRandomAccessRow) throws {
        guard sequence > 0 else { return }
        let horizon = try row.requiredInt64(0)
        let end = try row.requiredInt64(1)
        if sequence < horizon || sequence > end { throw SyncError.resyncRequired }
    }

    /// A page without changes after `sequence`, stating the digest at it (a row's third and fourth
    /// columns: the scope count and hash of the rep's row at or before the cursor, `NULL` for none).
    private func emptyPage(after sequence: Int64, digestIn row: PostgresRandomAccessRow) throws -> PullPage {
        let digest =
            try row.int64(2).map { ScopeDigest(count: Int($0), hash: UInt64(bitPattern: try row.requiredInt64(3))) }
            ?? .empty
        return PullPage(
            cursor: SyncCursor(epoch: epoch, sequence: sequence), hasMore: false, upserts: [], removals: [],
            scopeCount: digest.count, scopeHash: digest.hashText)
    }

    /// The lead of a page row of ``changes(repID:after:limit:includeRemovals:)`` as the device gets
    /// it, or `nil` when it has left the rep's scope since the row was logged (a later row says so).
    private static func syncedLead(_ row: PostgresRandomAccessRow, rep: String, decoder: JSONDecoder) throws
        -> SyncedLead?
    {
        let id = try row.requiredText(5)
        guard let stageText = try row.text(11) else { return nil }
        guard let stage = LifecycleStage(rawValue: stageText) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(id): unknown stage '\(stageText)'")
        }
        let owner = try row.text(24)
        guard stage.isInRepScope, owner == nil || owner == rep else { return nil }
        guard let leadID = LeadID(uuidString: id) else {
            throw LeadStoreError.corruptRow(table: "change_log", detail: "lead id '\(id)'")
        }
        let noteTexts = try row[32].decode([String]?.self) ?? []
        let noteTimes = try row[33].decode([Double]?.self) ?? []
        var synced = SyncedLead(
            leadID: leadID, version: try row.requiredInt64(4), externalID: try row.text(12),
            firstName: try row.text(13), lastName: try row.text(14), email: try row.text(15), phone: try row.text(16),
            company: try row.text(17), title: try row.text(18), country: try row.text(19), city: try row.text(20),
            source: try row.text(21), doNotEmail: try row.requiredBool(22), doNotCall: try row.requiredBool(23),
            stage: stage, assignedAt: Date(timeIntervalSince1970: try row.double(25) ?? row.requiredDouble(8)),
            notes: zip(noteTexts, noteTimes).map { SyncedNote(text: $0, createdAt: Date(timeIntervalSince1970: $1)) })
        if let total = try row.double(26) {
            synced.scoreTotal = total
            synced.fitScore = try row.double(27)
            synced.engagementScore = try row.double(28)
            synced.grade = try row.text(29).flatMap(Grade.init(rawValue:))
            synced.modelVersion = try row.int64(30).map(Int.init)
            let contributions = try decoder.decode(
                [ScoreContribution].self, from: Data((try row.text(31) ?? "[]").utf8))
            synced.topContributions = Array(contributions.prefix(SyncedLead.topContributionLimit))
        }
        return synced
    }

    public func scopeDigest(repID: RepID) throws -> ScopeDigest {
        try readStatement { try Self.digest(repID: repID.description, atOrBefore: nil, in: $0) }
    }

    public func notes(leadID: LeadID) throws -> [SyncedNote] {
        try readStatement { session in
            try session.rows(
                "SELECT text, created_at FROM rep_note WHERE lead_id = $1 ORDER BY id", [leadID.description]
            )
            .map {
                SyncedNote(
                    text: try $0.requiredText(0), createdAt: Date(timeIntervalSince1970: try $0.requiredDouble(1)))
            }
        }
    }

    public func coolDownEnd(leadID: LeadID) throws -> Date? {
        try readStatement { session in
            try session.rows("SELECT until FROM lead_cool_down WHERE lead_id = $1", [leadID.description]).first
                .map { Date(timeIntervalSince1970: try $0.requiredDouble(0)) }
        }
    }

    /// The rep's change-log position now: its latest row and its pruning horizon (a page built
    /// ahead is served only while both are unchanged; rows of other reps do not matter). One probe
    /// of the `(rep_id, seq)` primary key (migration v3).
    public func changeLogMark(repID: RepID) throws -> ChangeLogMark {
        try readStatement { session in
            let row = try session.rows(
                """
                SELECT (SELECT seq FROM change_log WHERE rep_id = $1 ORDER BY seq DESC LIMIT 1),
                    (SELECT pruned_through FROM change_log_horizon WHERE rep_id = $1)
                """, [repID.description]
            ).first
            return ChangeLogMark(lastSequence: try row?.int64(0) ?? 0, prunedThrough: try row?.int64(1) ?? 0)
        }
    }

    @discardableResult
    public func pruneRemovals(olderThan cutoff: Date) throws -> Int {
        try write { session in
            let expired = try session.rows(
                """
                SELECT seq, rep_id, lead_id FROM change_log AS c
                WHERE kind = 'removal' AND at < $1
                  AND seq < (SELECT MAX(seq) FROM change_log WHERE rep_id = c.rep_id)
                ORDER BY seq
                """, [cutoff.timeIntervalSince1970])
            var deleted = 0
            for row in expired {
                let seq = try row.requiredInt64(0)
                let rep = try row.requiredText(1)
                deleted += try session.execute(
                    "DELETE FROM change_log WHERE rep_id = $1 AND lead_id = $2 AND seq <= $3",
                    [rep, try row.requiredText(2), seq])
                try session.execute(
                    """
                    INSERT INTO change_log_horizon (rep_id, pruned_through) VALUES ($1, $2)
                    ON CONFLICT (rep_id) DO UPDATE SET
                        pruned_through = GREATEST(change_log_horizon.pruned_through, excluded.pruned_through)
                    """, [rep, seq])
            }
            return deleted
        }
    }
}
