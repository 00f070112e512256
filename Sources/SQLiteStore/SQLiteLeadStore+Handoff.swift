public import Foundation
import GRDB
public import LeadModel
public import StoreContract

extension SQLiteLeadStore: HandoffStore {
    /// Open leads (`assigned` + `accepted`) per rep, from the ownership table.
    public func openLeadCounts() throws -> [RepID: Int] {
        try read { db in
            var counts: [RepID: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rep_id, count(*) FROM lead_assignment GROUP BY rep_id") {
                guard let rep = RepID(uuidString: row[0]) else { continue }
                counts[rep] = row[1]
            }
            return counts
        }
    }

    /// The stored round-robin credit per rep.
    public func roundRobinCredits() throws -> [RepID: Int] {
        try read { db in
            var credits: [RepID: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT rep_id, credit FROM round_robin_credit") {
                guard let rep = RepID(uuidString: row[0]) else { continue }
                credits[rep] = row[1]
            }
            return credits
        }
    }

    /// Replaces the stored round-robin credits, in one transaction.
    public func saveRoundRobinCredits(_ credits: [RepID: Int]) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM round_robin_credit")
            for (rep, credit) in credits.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO round_robin_credit (rep_id, credit) VALUES (?, ?)",
                    arguments: [rep.description, credit])
            }
        }
    }

    /// Every lead in a rep's scope now, oldest hand-off first.
    public func openAssignments() throws -> [OpenAssignment] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.lead_id, a.rep_id, l.stage, a.assigned_at FROM lead_assignment a
                    JOIN lead l ON l.id = a.lead_id ORDER BY a.assigned_at, a.lead_id
                    """
            ).compactMap { row in
                guard let lead = LeadID(uuidString: row[0]), let rep = RepID(uuidString: row[1]),
                    let stage = LifecycleStage(rawValue: row[2])
                else { return nil }
                return OpenAssignment(
                    leadID: lead, repID: rep, stage: stage, assignedAt: Date(timeIntervalSince1970: row[3]))
            }
        }
    }

    /// For each `mql` lead with an email, the earliest other lead with the same normalised email
    /// (by creation date, then import date, then id).
    public func duplicateOriginals() throws -> [LeadID: LeadID] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT l.id, (
                        SELECT o.id FROM lead o
                        WHERE o.email_normalized = l.email_normalized AND o.id <> l.id
                        ORDER BY COALESCE(o.created_at, o.imported_at, o.updated_at), o.id LIMIT 1
                    ) AS first_id,
                    COALESCE(l.created_at, l.imported_at, l.updated_at) AS l_at,
                    (SELECT COALESCE(o.created_at, o.imported_at, o.updated_at) FROM lead o
                        WHERE o.email_normalized = l.email_normalized AND o.id <> l.id
                        ORDER BY COALESCE(o.created_at, o.imported_at, o.updated_at), o.id LIMIT 1) AS o_at
                    FROM lead l WHERE l.stage = 'mql' AND l.email_normalized IS NOT NULL
                    """)
            var originals: [LeadID: LeadID] = [:]
            for row in rows {
                guard let firstText: String = row["first_id"], let lead = LeadID(uuidString: row["id"]),
                    let first = LeadID(uuidString: firstText)
                else { continue }
                let leadAt: Double = row["l_at"]
                let firstAt: Double = row["o_at"]
                if firstAt < leadAt || (firstAt == leadAt && firstText < (row["id"] as String)) {
                    originals[lead] = first
                }
            }
            return originals
        }
    }

    /// The earliest other lead with the same normalised email (by creation date, then import
    /// date, then id), or `nil`.
    public func earliestLead(withEmailOf leadID: LeadID) throws -> LeadID? {
        try read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT o.id FROM lead l JOIN lead o ON o.email_normalized = l.email_normalized AND o.id <> l.id
                    WHERE l.id = ? ORDER BY COALESCE(o.created_at, o.imported_at, o.updated_at), o.id LIMIT 1
                    """,
                arguments: [leadID.description]
            ).flatMap(LeadID.init(uuidString:))
        }
    }

    /// Records the merge (replacing an earlier record of the same lead).
    public func recordMerge(leadID: LeadID, into originalID: LeadID, at date: Date) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO lead_merge (lead_id, into_lead_id, at) VALUES (?, ?, ?)
                    ON CONFLICT (lead_id) DO UPDATE SET into_lead_id = excluded.into_lead_id, at = excluded.at
                    """,
                arguments: [leadID.description, originalID.description, date.timeIntervalSince1970])
        }
    }

    /// The lead `leadID` was merged into, or `nil`.
    public func mergeTarget(of leadID: LeadID) throws -> LeadID? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT into_lead_id FROM lead_merge WHERE lead_id = ?", arguments: [leadID.description]
            ).flatMap(LeadID.init(uuidString:))
        }
    }

    /// Replaces the overflow queue, keeping the `since` of leads already waiting.
    public func replaceOverflow(_ entries: [OverflowEntry]) throws {
        try write { db in
            var kept: [String: Double] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT lead_id, since FROM routing_overflow") {
                kept[row[0]] = row[1]
            }
            try db.execute(sql: "DELETE FROM routing_overflow")
            let insert = try db.makeStatement(
                sql: "INSERT INTO routing_overflow (lead_id, territory, since) VALUES (?, ?, ?)")
            for entry in entries {
                let lead = entry.leadID.description
                try insert.execute(arguments: [lead, entry.territory, kept[lead] ?? entry.since.timeIntervalSince1970])
            }
        }
    }

    /// The leads waiting in the overflow queue, oldest first.
    public func overflow() throws -> [OverflowEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT lead_id, territory, since FROM routing_overflow ORDER BY since, lead_id")
                .compactMap { row in
                    guard let lead = LeadID(uuidString: row[0]) else { return nil }
                    return OverflowEntry(leadID: lead, territory: row[1], since: Date(timeIntervalSince1970: row[2]))
                }
        }
    }

    /// Records a breach; a second record of the same lead, rep and hand-off instant is ignored.
    @discardableResult
    public func recordBreach(_ breach: SLABreach) throws -> Bool {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO sla_breach (lead_id, rep_id, assigned_at, deadline, detected_at, escalated_to)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (lead_id, rep_id, assigned_at) DO NOTHING
                    """,
                arguments: [
                    breach.leadID.description, breach.repID.description, breach.assignedAt.timeIntervalSince1970,
                    breach.deadline.timeIntervalSince1970, breach.detectedAt.timeIntervalSince1970,
                    breach.escalatedTo?.description,
                ])
            return db.changesCount > 0
        }
    }

    /// Every recorded breach, oldest first.
    public func breaches() throws -> [SLABreach] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT lead_id, rep_id, assigned_at, deadline, detected_at, escalated_to FROM sla_breach
                    ORDER BY id
                    """
            ).compactMap { row in
                guard let lead = LeadID(uuidString: row[0]), let rep = RepID(uuidString: row[1]) else { return nil }
                return SLABreach(
                    leadID: lead, repID: rep, assignedAt: Date(timeIntervalSince1970: row[2]),
                    deadline: Date(timeIntervalSince1970: row[3]), detectedAt: Date(timeIntervalSince1970: row[4]),
                    escalatedTo: (row[5] as String?).flatMap(RepID.init(uuidString:)))
            }
        }
    }

    /// The lead's latest reject, or `nil`.
    public func rejection(leadID: LeadID) throws -> RecordedRejection? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT lead_id, reason, rejected_at, score_at_rejection, cool_down_until FROM lead_rejection
                    WHERE lead_id = ?
                    """,
                arguments: [leadID.description]
            ).flatMap(Self.rejection(from:))
        }
    }

    /// The latest rejects of several leads, read in chunks of 500 ids.
    public func rejections(leadIDs: [LeadID]) throws -> [LeadID: RecordedRejection] {
        try read { db in
            var found: [LeadID: RecordedRejection] = [:]
            for chunk in Self.chunks(leadIDs) {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT lead_id, reason, rejected_at, score_at_rejection, cool_down_until FROM lead_rejection
                        WHERE lead_id IN (\(Self.placeholders(chunk.count)))
                        """,
                    arguments: StatementArguments(chunk.map(\.description)))
                for rejection in rows.compactMap(Self.rejection(from:)) { found[rejection.leadID] = rejection }
            }
            return found
        }
    }

    /// The merge targets of several leads, read in chunks of 500 ids.
    public func mergeTargets(leadIDs: [LeadID]) throws -> [LeadID: LeadID] {
        try read { db in
            var found: [LeadID: LeadID] = [:]
            for chunk in Self.chunks(leadIDs) {
                let rows = try Row.fetchAll(
                    db,
                    sql:
                        "SELECT lead_id, into_lead_id FROM lead_merge WHERE lead_id IN (\(Self.placeholders(chunk.count)))",
                    arguments: StatementArguments(chunk.map(\.description)))
                for row in rows {
                    guard let lead = LeadID(uuidString: row[0]), let target = LeadID(uuidString: row[1]) else {
                        continue
                    }
                    found[lead] = target
                }
            }
            return found
        }
    }

    private static func chunks(_ ids: [LeadID]) -> [ArraySlice<LeadID>] {
        stride(from: 0, to: ids.count, by: 500).map { ids[$0..<min($0 + 500, ids.count)] }
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// Records the follow-up (replacing an earlier one of the same lead).
    public func recordFollowUp(_ followUp: DispositionFollowUp) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO disposition_follow_up (lead_id, reason, merged_into, account_owner, at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (lead_id) DO UPDATE SET reason = excluded.reason,
                        merged_into = excluded.merged_into, account_owner = excluded.account_owner, at = excluded.at
                    """,
                arguments: [
                    followUp.leadID.description, followUp.reason.rawValue, followUp.mergedInto?.description,
                    followUp.accountOwner?.description, followUp.at.timeIntervalSince1970,
                ])
        }
    }

    /// The recorded follow-up, or `nil`.
    public func followUp(leadID: LeadID) throws -> DispositionFollowUp? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT reason, merged_into, account_owner, at FROM disposition_follow_up WHERE lead_id = ?",
                    arguments: [leadID.description]),
                let reason = ReasonCode(rawValue: row[0])
            else { return nil }
            return DispositionFollowUp(
                leadID: leadID, reason: reason, mergedInto: (row[1] as String?).flatMap(LeadID.init(uuidString:)),
                accountOwner: (row[2] as String?).flatMap(RepID.init(uuidString:)),
                at: Date(timeIntervalSince1970: row[3]))
        }
    }

    /// Disqualified leads rejected as `duplicate` or `existing_customer` without a follow-up yet.
    public func rejectionsAwaitingFollowUp() throws -> [RecordedRejection] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.lead_id, r.reason, r.rejected_at, r.score_at_rejection, r.cool_down_until FROM lead_rejection r
                    JOIN lead l ON l.id = r.lead_id
                    LEFT JOIN disposition_follow_up f ON f.lead_id = r.lead_id AND f.at >= r.rejected_at
                    WHERE l.stage = 'disqualified' AND r.reason IN ('duplicate', 'existing_customer')
                        AND f.lead_id IS NULL
                    ORDER BY r.rejected_at, r.lead_id
                    """
            ).compactMap(Self.rejection(from:))
        }
    }

    /// Every hand-off with its score snapshot, oldest first.
    public func handoffs() throws -> [HandoffRecord] {
        let decoder = JSONDecoder()
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT lead_id, rep_id, handed_at, handed_by, score_total, grade, model_version, contributions
                    FROM lead_handoff ORDER BY id
                    """
            ).compactMap { row in
                guard let lead = LeadID(uuidString: row[0]), let rep = RepID(uuidString: row[1]) else { return nil }
                let text: String = row[7]
                let contributions = (try? decoder.decode([ScoreContribution].self, from: Data(text.utf8))) ?? []
                return HandoffRecord(
                    leadID: lead, repID: rep, handedAt: Date(timeIntervalSince1970: row[2]), handedBy: row[3],
                    scoreTotal: row[4], grade: (row[5] as String?).flatMap(Grade.init(rawValue:)),
                    modelVersion: row[6], contributions: contributions)
            }
        }
    }

    /// Every stage-history row at or after `since` (all when `nil`).
    public func stageChanges(since: Date?) throws -> [StageChange] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT lead_id, from_stage, to_stage, "trigger", actor, at, reason, note, model_version
                    FROM stage_change WHERE at >= ? ORDER BY lead_id, id
                    """,
                arguments: [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude]
            ).compactMap { row in
                guard let lead = LeadID(uuidString: row[0]), let from = LifecycleStage(rawValue: row[1]),
                    let to = LifecycleStage(rawValue: row[2]), let trigger = StageTrigger(rawValue: row[3])
                else { return nil }
                return StageChange(
                    leadID: lead, from: from, to: to, trigger: trigger, actor: row[4],
                    at: Date(timeIntervalSince1970: row[5]),
                    reason: (row[6] as String?).flatMap(ReasonCode.init(rawValue:)),
                    note: row[7], modelVersion: row[8])
            }
        }
    }

    /// The rep who most recently took to `accepted` or `converted` another lead with the same
    /// company (case-insensitive) or the same email domain.
    public func accountOwner(of leadID: LeadID) throws -> RepID? {
        try read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT h.rep_id FROM lead l
                    JOIN lead o ON o.id <> l.id AND (
                        (l.company IS NOT NULL AND lower(o.company) = lower(l.company))
                        OR (l.email_normalized IS NOT NULL AND o.email_normalized IS NOT NULL
                            AND substr(o.email_normalized, instr(o.email_normalized, '@'))
                                = substr(l.email_normalized, instr(l.email_normalized, '@'))))
                    JOIN lead_handoff h ON h.lead_id = o.id
                    WHERE l.id = ? AND o.stage IN ('accepted', 'converted')
                    ORDER BY h.handed_at DESC, h.id DESC LIMIT 1
                    """,
                arguments: [leadID.description]
            ).flatMap(RepID.init(uuidString:))
        }
    }

    private static func rejection(from row: Row) -> RecordedRejection? {
        guard let lead = LeadID(uuidString: row[0]) else { return nil }
        return RecordedRejection(
            leadID: lead, reason: (row[1] as String?).flatMap(ReasonCode.init(rawValue:)),
            rejectedAt: Date(timeIntervalSince1970: row[2]), scoreAtRejection: row[3],
            coolDownUntil: (row[4] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
