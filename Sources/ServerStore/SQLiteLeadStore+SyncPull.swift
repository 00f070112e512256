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
    /// is gone.
    private static func syncedLead(leadID: LeadID, version: Int64, loggedAt: Date, in db: Database) throws
        -> SyncedLead?
    {
        let id = leadID.description
        guard
            let leadRow = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(Lead.selectedColumns) FROM lead WHERE id = ?"), arguments: [id])
        else { return nil }
        let lead = try Lead(row: leadRow)
        let assignedAt = try Double.fetchOne(
            db.cachedStatement(sql: "SELECT assigned_at FROM lead_assignment WHERE lead_id = ?"), arguments: [id])
        var synced = SyncedLead(
            leadID: leadID, version: version, externalID: lead.externalID, firstName: lead.firstName,
            lastName: lead.lastName, email: lead.email?.address, phone: lead.phone, company: lead.company,
            title: lead.title, country: lead.country, city: lead.city, source: lead.source,
            doNotEmail: lead.doNotEmail, doNotCall: lead.doNotCall, stage: lead.stage,
            assignedAt: assignedAt.map(Date.init(timeIntervalSince1970:)) ?? loggedAt,
            notes: try notes(leadID: id, in: db))
        if let score = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT total, fit, engagement, grade, model_version, contributions FROM lead_score
                    WHERE lead_id = ? AND is_current = 1
                    """),
            arguments: [id])
        {
            synced.scoreTotal = score[0]
            synced.fitScore = score[1]
            synced.engagementScore = score[2]
            synced.grade = Grade(rawValue: score[3])
            synced.modelVersion = score[4]
            let text: String = score[5]
            let contributions = try JSONDecoder().decode([ScoreContribution].self, from: Data(text.utf8))
            synced.topContributions = Array(contributions.prefix(SyncedLead.topContributionLimit))
        }
        return synced
    }
}
