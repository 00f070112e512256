public import Foundation
import GRDB
public import LeadModel
public import SyncProtocol

extension SQLiteLeadStore {
    /// One page of the rep's change log after `sequence`, read in one snapshot (see
    /// ``SyncStore/changes(repID:after:limit:includeRemovals:)``).
    ///
    /// The page is the next `limit` rows of the rep's log; within it, each lead's latest row wins
    /// (an upsert carries the lead's current state, versioned by that row's sequence; a removal its
    /// reason). The cursor is the last row read, so the rep's digest stored on that row is exactly
    /// the scope a device holds after applying every page up to it.
    /// - Throws: ``SyncError/resyncRequired`` for a sequence below the rep's prune horizon or past
    ///   the end of the log.
    public func changes(repID: RepID, after sequence: Int64, limit: Int, includeRemovals: Bool) throws -> PullPage {
        precondition(limit > 0, "a page holds at least one change")
        let rep = repID.description
        return try writer.read { db in
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
            var latest: [String: Row] = [:]
            for row in window { latest[row[1]] = row }
            var upserts: [SyncedLead] = []
            var removals: [LeadRemoval] = []
            for row in window where latest[row[1] as String]?[0] as Int64? == row[0] as Int64 {
                let leadText: String = row[1]
                guard let leadID = LeadID(uuidString: leadText) else {
                    throw LeadStoreError.corruptRow(table: "change_log", detail: "lead id '\(leadText)'")
                }
                if (row[2] as String) == "upsert" {
                    if let synced = try Self.syncedLead(
                        leadID: leadID, version: row[0], loggedAt: Date(timeIntervalSince1970: row[4]), in: db)
                    {
                        upserts.append(synced)
                    }
                } else if includeRemovals {
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
        try writer.read { db in try Self.digest(repID: repID.description, atOrBefore: nil, in: db) }
    }

    /// The notes on a lead, oldest first.
    public func notes(leadID: LeadID) throws -> [SyncedNote] {
        try writer.read { db in try Self.notes(leadID: leadID.description, in: db) }
    }

    /// When the recycled lead's cool-down ends, or `nil`.
    public func coolDownEnd(leadID: LeadID) throws -> Date? {
        try writer.read { db in
            try Double.fetchOne(
                db, sql: "SELECT until FROM lead_cool_down WHERE lead_id = ?", arguments: [leadID.description]
            ).map(Date.init(timeIntervalSince1970:))
        }
    }

    private static func notes(leadID: String, in db: Database) throws -> [SyncedNote] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT text, created_at FROM rep_note WHERE lead_id = ? ORDER BY id"),
            arguments: [leadID]
        ).map { SyncedNote(text: $0[0], createdAt: Date(timeIntervalSince1970: $0[1])) }
    }

    /// The lead as a device stores it, with its current score and notes; `nil` when the lead row
    /// is gone. One joined statement for the lead, its assignment and its current score (only the
    /// columns a device gets: no attribute JSON is decoded), one for its notes.
    private static func syncedLead(leadID: LeadID, version: Int64, loggedAt: Date, in db: Database) throws
        -> SyncedLead?
    {
        let id = leadID.description
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT l.stage, l.external_id, l.first_name, l.last_name, l.email, l.phone, l.company,
                            l.title, l.country, l.city, l.source, l.do_not_email, l.do_not_call, a.assigned_at,
                            s.total, s.fit, s.engagement, s.grade, s.model_version, s.contributions
                        FROM lead l
                        LEFT JOIN lead_assignment a ON a.lead_id = l.id
                        LEFT JOIN lead_score s ON s.lead_id = l.id AND s.is_current = 1
                        WHERE l.id = ?
                        """),
                arguments: [id])
        else { return nil }
        let stageText: String = row[0]
        guard let stage = LifecycleStage(rawValue: stageText) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(id): unknown stage '\(stageText)'")
        }
        let assignedAt: Double? = row[13]
        var synced = SyncedLead(
            leadID: leadID, version: version, externalID: row[1], firstName: row[2], lastName: row[3],
            email: row[4], phone: row[5], company: row[6], title: row[7], country: row[8], city: row[9],
            source: row[10], doNotEmail: row[11], doNotCall: row[12], stage: stage,
            assignedAt: assignedAt.map(Date.init(timeIntervalSince1970:)) ?? loggedAt,
            notes: try notes(leadID: id, in: db))
        if let total: Double = row[14] {
            synced.scoreTotal = total
            synced.fitScore = row[15]
            synced.engagementScore = row[16]
            synced.grade = (row[17] as String?).flatMap(Grade.init(rawValue:))
            synced.modelVersion = row[18]
            let text: String = row[19]
            let contributions = try JSONDecoder().decode([ScoreContribution].self, from: Data(text.utf8))
            synced.topContributions = Array(contributions.prefix(SyncedLead.topContributionLimit))
        }
        return synced
    }
}
