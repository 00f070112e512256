public import Foundation
import GRDB
public import LeadModel
import StoreContract
public import SyncProtocol

extension SQLiteLeadStore {
    /// One page of the rep's change log after `sequence`, read in one snapshot (see
    /// ``SyncStore/changes(repID:after:limit:includeRemovals:)``).
    ///
    /// The page is the next `limit` rows of the rep's log; within it, each lead's latest row wins
    /// (an upsert carries the lead's current state, versioned by that row's sequence; a removal its
    /// reason). An upsert row of a lead no longer in the rep's scope is skipped: the lead's removal
    /// is a later row of the same log, so every page holds only leads a device can keep. The cursor is the last row read, so the rep's digest stored on that row is exactly
    /// the scope a device holds after applying every page up to it.
    /// - Throws: ``SyncError/resyncRequired`` for a sequence below the rep's prune horizon or past
    ///   the end of the log.
    public func changes(repID: RepID, after sequence: Int64, limit: Int, includeRemovals: Bool) throws -> PullPage {
        precondition(limit > 0, "a page holds at least one change")
        let rep = repID.description
        return try read { db in
            if sequence > 0 {
                let horizon =
                    try Int64.fetchOne(
                        db.cachedStatement(sql: "SELECT pruned_through FROM change_log_horizon WHERE rep_id = ?"),
                        arguments: [rep]) ?? 0
                let end =
                    try Int64.fetchOne(
                        db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")) ?? 0
                if sequence < horizon || sequence > end { throw SyncError.resyncRequired }
            }
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT seq, lead_id, kind, removal_reason, at, scope_count, scope_hash FROM change_log
                        WHERE rep_id = ? AND seq > ? ORDER BY seq LIMIT ?
                        """),
                arguments: [rep, sequence, limit + 1])
            let hasMore = rows.count > limit
            let window = rows.prefix(limit)
            guard let last = window.last else {
                let digest = try Self.digest(repID: rep, atOrBefore: sequence, in: db)
                return PullPage(
                    cursor: SyncCursor(epoch: epoch, sequence: sequence), hasMore: false, upserts: [], removals: [],
                    scopeCount: digest.count, scopeHash: digest.hashText)
            }
            var latest: [String: Int64] = [:]
            for row in window { latest[row[1]] = row[0] }
            let through: Int64 = last[0]
            // Every upsert's lead, assignment, current score and notes for the whole window in two
            // statements (not two per lead): keyed by the change-log row that asked for them.
            let leads = try Self.syncedLeads(repID: rep, after: sequence, through: through, in: db)
            var upserts: [SyncedLead] = []
            upserts.reserveCapacity(leads.count)
            var removals: [LeadRemoval] = []
            for row in window {
                let seq: Int64 = row[0]
                let leadText: String = row[1]
                guard latest[leadText] == seq else { continue }
                if (row[2] as String) == "upsert" {
                    if let synced = leads[seq] { upserts.append(synced) }
                } else if includeRemovals {
                    guard let leadID = LeadID(uuidString: leadText) else {
                        throw LeadStoreError.corruptRow(table: "change_log", detail: "lead id '\(leadText)'")
                    }
                    let reasonText: String = row[3]
                    guard let reason = RemovalReason(rawValue: reasonText) else {
                        throw LeadStoreError.corruptRow(table: "change_log", detail: "removal reason '\(reasonText)'")
                    }
                    removals.append(LeadRemoval(leadID: leadID, reason: reason))
                }
            }
            let digest = ScopeDigest(count: last[5], hash: UInt64(bitPattern: last[6]))
            return PullPage(
                cursor: SyncCursor(epoch: epoch, sequence: last[0]), hasMore: hasMore, upserts: upserts,
                removals: removals, scopeCount: digest.count, scopeHash: digest.hashText)
        }
    }

    /// The rep's scope digest after their latest change-log row.
    public func scopeDigest(repID: RepID) throws -> ScopeDigest {
        try read { db in try Self.digest(repID: repID.description, atOrBefore: nil, in: db) }
    }

    /// The notes on a lead, oldest first.
    public func notes(leadID: LeadID) throws -> [SyncedNote] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT text, created_at FROM rep_note WHERE lead_id = ? ORDER BY id"),
                arguments: [leadID.description]
            ).map { SyncedNote(text: $0[0], createdAt: Date(timeIntervalSince1970: $0[1])) }
        }
    }

    /// When the recycled lead's cool-down ends, or `nil`.
    public func coolDownEnd(leadID: LeadID) throws -> Date? {
        try read { db in
            try Double.fetchOne(
                db, sql: "SELECT until FROM lead_cool_down WHERE lead_id = ?", arguments: [leadID.description]
            ).map(Date.init(timeIntervalSince1970:))
        }
    }

    /// The leads of the rep's upserts with a sequence in `after+1 ... through`, as a device stores
    /// them (current fields, assignment time, current score with its top contributions, notes),
    /// keyed by the upsert's sequence (the lead's version in the scope). A lead whose row is gone
    /// is absent. Two statements for the whole range: the leads joined with their assignment and
    /// current score (only the columns a device gets: no attribute JSON is decoded), and the
    /// notes of those leads. A lead without an assignment row shows the change-log row's time as
    /// its assignment time.
    ///
    /// A lead that has left the rep's scope since the upsert row was written (recycled,
    /// disqualified, converted, reassigned: its stage or its rep is no longer the rep's) is absent:
    /// its removal follows later in the same log, and an upsert of its current state would hand
    /// the device a stage it must refuse, or another rep's lead (issue 14, item 1).
    private static func syncedLeads(repID: String, after sequence: Int64, through last: Int64, in db: Database)
        throws -> [Int64: SyncedLead]
    {
        var notes: [String: [SyncedNote]] = [:]
        let noteRows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT lead_id, text, created_at FROM rep_note
                    WHERE lead_id IN (
                        SELECT lead_id FROM change_log WHERE rep_id = ? AND seq > ? AND seq <= ? AND kind = 'upsert')
                    ORDER BY lead_id, id
                    """),
            arguments: [repID, sequence, last])
        while let row = try noteRows.next() {
            notes[row[0], default: []].append(SyncedNote(text: row[1], createdAt: Date(timeIntervalSince1970: row[2])))
        }
        var leads: [Int64: SyncedLead] = [:]
        let decoder = JSONDecoder()
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT c.seq, c.lead_id, l.stage, l.external_id, l.first_name, l.last_name, l.email, l.phone,
                        l.company, l.title, l.country, l.city, l.source, l.do_not_email, l.do_not_call,
                        a.assigned_at, s.total, s.fit, s.engagement, s.grade, s.model_version, s.contributions,
                        c.at
                    FROM change_log c
                    JOIN lead l ON l.id = c.lead_id
                    LEFT JOIN lead_assignment a ON a.lead_id = l.id
                    LEFT JOIN lead_score s ON s.lead_id = l.id AND s.is_current = 1
                    WHERE c.rep_id = ? AND c.seq > ? AND c.seq <= ? AND c.kind = 'upsert'
                        AND l.stage IN ('assigned', 'accepted') AND (a.rep_id IS NULL OR a.rep_id = c.rep_id)
                    """),
            arguments: [repID, sequence, last])
        while let row = try rows.next() {
            let id: String = row[1]
            guard let leadID = LeadID(uuidString: id) else {
                throw LeadStoreError.corruptRow(table: "change_log", detail: "lead id '\(id)'")
            }
            let stageText: String = row[2]
            guard let stage = LifecycleStage(rawValue: stageText) else {
                throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(id): unknown stage '\(stageText)'")
            }
            let assignedAt: Double? = row[15]
            var synced = SyncedLead(
                leadID: leadID, version: row[0], externalID: row[3], firstName: row[4], lastName: row[5],
                email: row[6], phone: row[7], company: row[8], title: row[9], country: row[10], city: row[11],
                source: row[12], doNotEmail: row[13], doNotCall: row[14], stage: stage,
                assignedAt: Date(timeIntervalSince1970: assignedAt ?? row[22]),
                notes: notes[id] ?? [])
            if let total: Double = row[16] {
                synced.scoreTotal = total
                synced.fitScore = row[17]
                synced.engagementScore = row[18]
                synced.grade = (row[19] as String?).flatMap(Grade.init(rawValue:))
                synced.modelVersion = row[20]
                let text: String = row[21]
                let contributions = try decoder.decode([ScoreContribution].self, from: Data(text.utf8))
                synced.topContributions = Array(contributions.prefix(SyncedLead.topContributionLimit))
            }
            leads[synced.version] = synced
        }
        return leads
    }
}
