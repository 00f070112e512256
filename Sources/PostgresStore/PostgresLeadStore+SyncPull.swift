public import Foundation
public import LeadModel
public import StoreContract
public import SyncProtocol

extension PostgresLeadStore {
    public func changes(repID: RepID, after sequence: Int64, limit: Int, includeRemovals: Bool) throws -> PullPage {
        precondition(limit > 0, "a page holds at least one change")
        let rep = repID.description
        return try read { session in
            if sequence > 0 {
                let horizon =
                    try session.rows("SELECT pruned_through FROM change_log_horizon WHERE rep_id = $1", [rep]).first?
                    .requiredInt64(0) ?? 0
                // The sequence's last value (taken, not necessarily committed): a cursor above it
                // comes from another database.
                let end = try Self.lastSequenceTaken(in: session)
                if sequence < horizon || sequence > end { throw SyncError.resyncRequired }
            }
            let rows = try session.rows(
                """
                SELECT seq, lead_id, kind, removal_reason, at, scope_count, scope_hash FROM change_log
                WHERE rep_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
                """, [rep, sequence, limit + 1])
            let hasMore = rows.count > limit
            let window = rows.prefix(limit)
            guard let last = window.last else {
                let digest = try Self.digest(repID: rep, atOrBefore: sequence, in: session)
                return PullPage(
                    cursor: SyncCursor(epoch: epoch, sequence: sequence), hasMore: false, upserts: [], removals: [],
                    scopeCount: digest.count, scopeHash: digest.hashText)
            }
            var latest: [String: Int64] = [:]
            for row in window { latest[try row.requiredText(1)] = try row.requiredInt64(0) }
            let through = try last.requiredInt64(0)
            let leads = try Self.syncedLeads(repID: rep, after: sequence, through: through, in: session)
            var upserts: [SyncedLead] = []
            var removals: [LeadRemoval] = []
            for row in window {
                let seq = try row.requiredInt64(0)
                let leadText = try row.requiredText(1)
                guard latest[leadText] == seq else { continue }
                if try row.requiredText(2) == "upsert" {
                    if let synced = leads[seq] { upserts.append(synced) }
                } else if includeRemovals {
                    guard let leadID = LeadID(uuidString: leadText) else {
                        throw LeadStoreError.corruptRow(table: "change_log", detail: "lead id '\(leadText)'")
                    }
                    let reasonText = try row.text(3) ?? ""
                    guard let reason = RemovalReason(rawValue: reasonText) else {
                        throw LeadStoreError.corruptRow(table: "change_log", detail: "removal reason '\(reasonText)'")
                    }
                    removals.append(LeadRemoval(leadID: leadID, reason: reason))
                }
            }
            let digest = ScopeDigest(
                count: Int(try last.requiredInt64(5)), hash: UInt64(bitPattern: try last.requiredInt64(6)))
            return PullPage(
                cursor: SyncCursor(epoch: epoch, sequence: through), hasMore: hasMore, upserts: upserts,
                removals: removals, scopeCount: digest.count, scopeHash: digest.hashText)
        }
    }

    /// The change-log sequence's last value taken by any transaction (0 before the first).
    static func lastSequenceTaken(in session: PostgresSession) throws -> Int64 {
        guard let row = try session.rows("SELECT last_value, is_called FROM change_log_seq").first else { return 0 }
        return try row.requiredBool(1) ? try row.requiredInt64(0) : 0
    }

    public func scopeDigest(repID: RepID) throws -> ScopeDigest {
        try read { try Self.digest(repID: repID.description, atOrBefore: nil, in: $0) }
    }

    public func notes(leadID: LeadID) throws -> [SyncedNote] {
        try read { session in
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
        try read { session in
            try session.rows("SELECT until FROM lead_cool_down WHERE lead_id = $1", [leadID.description]).first
                .map { Date(timeIntervalSince1970: try $0.requiredDouble(0)) }
        }
    }

    /// The rep's change-log position now: its latest row and its pruning horizon (a page built
    /// ahead is served only while both are unchanged; rows of other reps do not matter).
    public func changeLogMark(repID: RepID) throws -> ChangeLogMark {
        try read { session in
            let row = try session.rows(
                """
                SELECT (SELECT max(seq) FROM change_log WHERE rep_id = $1),
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

    private static func syncedLeads(
        repID: String, after sequence: Int64, through last: Int64, in session: PostgresSession
    )
        throws -> [Int64: SyncedLead]
    {
        var notes: [String: [SyncedNote]] = [:]
        for row in try session.rows(
            """
            SELECT lead_id, text, created_at FROM rep_note
            WHERE lead_id IN (
                SELECT lead_id FROM change_log WHERE rep_id = $1 AND seq > $2 AND seq <= $3 AND kind = 'upsert')
            ORDER BY lead_id, id
            """, [repID, sequence, last])
        {
            notes[try row.requiredText(0), default: []].append(
                SyncedNote(
                    text: try row.requiredText(1), createdAt: Date(timeIntervalSince1970: try row.requiredDouble(2))))
        }
        var leads: [Int64: SyncedLead] = [:]
        let decoder = JSONDecoder()
        for row in try session.rows(
            """
            SELECT c.seq, c.lead_id, l.stage, l.external_id, l.first_name, l.last_name, l.email, l.phone,
                l.company, l.title, l.country, l.city, l.source, l.do_not_email, l.do_not_call,
                a.assigned_at, s.total, s.fit, s.engagement, s.grade, s.model_version, s.contributions, c.at
            FROM change_log c
            JOIN lead l ON l.id = c.lead_id
            LEFT JOIN lead_assignment a ON a.lead_id = l.id
            LEFT JOIN lead_score s ON s.lead_id = l.id AND s.is_current
            WHERE c.rep_id = $1 AND c.seq > $2 AND c.seq <= $3 AND c.kind = 'upsert'
                AND l.stage IN ('assigned', 'accepted') AND (a.rep_id IS NULL OR a.rep_id = c.rep_id)
            """, [repID, sequence, last])
        {
            let id = try row.requiredText(1)
            guard let leadID = LeadID(uuidString: id) else {
                throw LeadStoreError.corruptRow(table: "change_log", detail: "lead id '\(id)'")
            }
            let stageText = try row.requiredText(2)
            guard let stage = LifecycleStage(rawValue: stageText) else {
                throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(id): unknown stage '\(stageText)'")
            }
            var synced = SyncedLead(
                leadID: leadID, version: try row.requiredInt64(0), externalID: try row.text(3),
                firstName: try row.text(4), lastName: try row.text(5), email: try row.text(6), phone: try row.text(7),
                company: try row.text(8), title: try row.text(9), country: try row.text(10), city: try row.text(11),
                source: try row.text(12), doNotEmail: try row.requiredBool(13), doNotCall: try row.requiredBool(14),
                stage: stage, assignedAt: Date(timeIntervalSince1970: try row.double(15) ?? row.requiredDouble(22)),
                notes: notes[id] ?? [])
            if let total = try row.double(16) {
                synced.scoreTotal = total
                synced.fitScore = try row.double(17)
                synced.engagementScore = try row.double(18)
                synced.grade = try row.text(19).flatMap(Grade.init(rawValue:))
                synced.modelVersion = try row.int64(20).map(Int.init)
                let contributions = try decoder.decode(
                    [ScoreContribution].self, from: Data((try row.text(21) ?? "[]").utf8))
                synced.topContributions = Array(contributions.prefix(SyncedLead.topContributionLimit))
            }
            leads[synced.version] = synced
        }
        return leads
    }
}
