public import Foundation
public import LeadModel
public import StoreContract

extension PostgresLeadStore: HandoffStore {
    public func openLeadCounts() throws -> [RepID: Int] {
        try read { session in
            var counts: [RepID: Int] = [:]
            for row in try session.rows("SELECT rep_id, count(*) FROM lead_assignment GROUP BY rep_id") {
                guard let rep = RepID(uuidString: try row.requiredText(0)) else { continue }
                counts[rep] = Int(try row.requiredInt64(1))
            }
            return counts
        }
    }

    public func roundRobinCredits() throws -> [RepID: Int] {
        try read { session in
            var credits: [RepID: Int] = [:]
            for row in try session.rows("SELECT rep_id, credit FROM round_robin_credit") {
                guard let rep = RepID(uuidString: try row.requiredText(0)) else { continue }
                credits[rep] = Int(try row.requiredInt64(1))
            }
            return credits
        }
    }

    public func saveRoundRobinCredits(_ credits: [RepID: Int]) throws {
        try write { session in
            try session.execute("DELETE FROM round_robin_credit")
            for (rep, credit) in credits.sorted(by: { $0.key < $1.key }) {
                try session.execute(
                    "INSERT INTO round_robin_credit (rep_id, credit) VALUES ($1, $2)", [rep.description, credit])
            }
        }
    }

    public func openAssignments() throws -> [OpenAssignment] {
        try read { session in
            try session.rows(
                """
                SELECT a.lead_id, a.rep_id, l.stage, a.assigned_at FROM lead_assignment a
                JOIN lead l ON l.id = a.lead_id ORDER BY a.assigned_at, a.lead_id
                """
            ).compactMap { row in
                guard let lead = LeadID(uuidString: try row.requiredText(0)),
                    let rep = RepID(uuidString: try row.requiredText(1)),
                    let stage = LifecycleStage(rawValue: try row.requiredText(2))
                else { return nil }
                return OpenAssignment(
                    leadID: lead, repID: rep, stage: stage,
                    assignedAt: Date(timeIntervalSince1970: try row.requiredDouble(3)))
            }
        }
    }

    public func duplicateOriginals() throws -> [LeadID: LeadID] {
        try read { session in
            var originals: [LeadID: LeadID] = [:]
            for row in try session.rows(
                """
                SELECT l.id, o.id, COALESCE(l.created_at, l.imported_at, l.updated_at),
                    COALESCE(o.created_at, o.imported_at, o.updated_at)
                FROM lead l
                JOIN LATERAL (
                    SELECT o.id, o.created_at, o.imported_at, o.updated_at FROM lead o
                    WHERE o.email_normalized = l.email_normalized AND o.id <> l.id
                    ORDER BY COALESCE(o.created_at, o.imported_at, o.updated_at), o.id LIMIT 1
                ) o ON TRUE
                WHERE l.stage = 'mql' AND l.email_normalized IS NOT NULL
                """)
            {
                let leadText = try row.requiredText(0)
                let firstText = try row.requiredText(1)
                guard let lead = LeadID(uuidString: leadText), let first = LeadID(uuidString: firstText) else {
                    continue
                }
                let leadAt = try row.requiredDouble(2)
                let firstAt = try row.requiredDouble(3)
                if firstAt < leadAt || (firstAt == leadAt && firstText < leadText) { originals[lead] = first }
            }
            return originals
        }
    }

    public func earliestLead(withEmailOf leadID: LeadID) throws -> LeadID? {
        try read { session in
            try session.rows(
                """
                SELECT o.id FROM lead l JOIN lead o ON o.email_normalized = l.email_normalized AND o.id <> l.id
                WHERE l.id = $1 ORDER BY COALESCE(o.created_at, o.imported_at, o.updated_at), o.id LIMIT 1
                """, [leadID.description]
            ).first.flatMap { LeadID(uuidString: try $0.requiredText(0)) }
        }
    }

    public func recordMerge(leadID: LeadID, into originalID: LeadID, at date: Date) throws {
        _ = try write { session in
            try session.execute(
                """
                INSERT INTO lead_merge (lead_id, into_lead_id, at) VALUES ($1, $2, $3)
                ON CONFLICT (lead_id) DO UPDATE SET into_lead_id = excluded.into_lead_id, at = excluded.at
                """, [leadID.description, originalID.description, date.timeIntervalSince1970])
        }
    }

    public func mergeTarget(of leadID: LeadID) throws -> LeadID? {
        try read { session in
            try session.rows("SELECT into_lead_id FROM lead_merge WHERE lead_id = $1", [leadID.description]).first
                .flatMap { LeadID(uuidString: try $0.requiredText(0)) }
        }
    }

    public func replaceOverflow(_ entries: [OverflowEntry]) throws {
        try write { session in
            var kept: [String: Double] = [:]
            for row in try session.rows("SELECT lead_id, since FROM routing_overflow") {
                kept[try row.requiredText(0)] = try row.requiredDouble(1)
            }
            try session.execute("DELETE FROM routing_overflow")
            for entry in entries {
                let lead = entry.leadID.description
                try session.execute(
                    "INSERT INTO routing_overflow (lead_id, territory, since) VALUES ($1, $2, $3)",
                    [lead, entry.territory, kept[lead] ?? entry.since.timeIntervalSince1970])
            }
        }
    }

    public func overflow() throws -> [OverflowEntry] {
        try read { session in
            try session.rows("SELECT lead_id, territory, since FROM routing_overflow ORDER BY since, lead_id")
                .compactMap { row in
                    guard let lead = LeadID(uuidString: try row.requiredText(0)) else { return nil }
                    return OverflowEntry(
                        leadID: lead, territory: try row.requiredText(1),
                        since: Date(timeIntervalSince1970: try row.requiredDouble(2)))
                }
        }
    }

    @discardableResult
    public func recordBreach(_ breach: SLABreach) throws -> Bool {
        try write { session in
            try session.execute(
                """
                INSERT INTO sla_breach (lead_id, rep_id, assigned_at, deadline, detected_at, escalated_to)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (lead_id, rep_id, assigned_at) DO NOTHING
                """,
                [
                    breach.leadID.description, breach.repID.description, breach.assignedAt.timeIntervalSince1970,
                    breach.deadline.timeIntervalSince1970, breach.detectedAt.timeIntervalSince1970,
                    breach.escalatedTo?.description,
                ]) > 0
        }
    }

    public func breaches() throws -> [SLABreach] {
        try read { session in
            try session.rows(
                "SELECT lead_id, rep_id, assigned_at, deadline, detected_at, escalated_to FROM sla_breach ORDER BY id"
            ).compactMap { row in
                guard let lead = LeadID(uuidString: try row.requiredText(0)),
                    let rep = RepID(uuidString: try row.requiredText(1))
                else { return nil }
                return SLABreach(
                    leadID: lead, repID: rep, assignedAt: Date(timeIntervalSince1970: try row.requiredDouble(2)),
                    deadline: Date(timeIntervalSince1970: try row.requiredDouble(3)),
                    detectedAt: Date(timeIntervalSince1970: try row.requiredDouble(4)),
                    escalatedTo: try row.text(5).flatMap(RepID.init(uuidString:)))
            }
        }
    }

    public func rejection(leadID: LeadID) throws -> RecordedRejection? {
        try rejections(leadIDs: [leadID])[leadID]
    }

    public func rejections(leadIDs: [LeadID]) throws -> [LeadID: RecordedRejection] {
        guard !leadIDs.isEmpty else { return [:] }
        return try read { session in
            var found: [LeadID: RecordedRejection] = [:]
            for rejection in try Self.rejections(session, "WHERE lead_id = ANY($1)", [leadIDs.map(\.description)]) {
                found[rejection.leadID] = rejection
            }
            return found
        }
    }

    public func mergeTargets(leadIDs: [LeadID]) throws -> [LeadID: LeadID] {
        guard !leadIDs.isEmpty else { return [:] }
        return try read { session in
            var found: [LeadID: LeadID] = [:]
            for row in try session.rows(
                "SELECT lead_id, into_lead_id FROM lead_merge WHERE lead_id = ANY($1)", [leadIDs.map(\.description)])
            {
                guard let lead = LeadID(uuidString: try row.requiredText(0)),
                    let target = LeadID(uuidString: try row.requiredText(1))
                else { continue }
                found[lead] = target
            }
            return found
        }
    }

    public func recordFollowUp(_ followUp: DispositionFollowUp) throws {
        _ = try write { session in
            try session.execute(
                """
                INSERT INTO disposition_follow_up (lead_id, reason, merged_into, account_owner, at)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (lead_id) DO UPDATE SET reason = excluded.reason,
                    merged_into = excluded.merged_into, account_owner = excluded.account_owner, at = excluded.at
                """,
                [
                    followUp.leadID.description, followUp.reason.rawValue, followUp.mergedInto?.description,
                    followUp.accountOwner?.description, followUp.at.timeIntervalSince1970,
                ])
        }
    }

    public func followUp(leadID: LeadID) throws -> DispositionFollowUp? {
        try read { session in
            guard
                let row = try session.rows(
                    "SELECT reason, merged_into, account_owner, at FROM disposition_follow_up WHERE lead_id = $1",
                    [leadID.description]
                ).first,
                let reason = ReasonCode(rawValue: try row.requiredText(0))
            else { return nil }
            return DispositionFollowUp(
                leadID: leadID, reason: reason, mergedInto: try row.text(1).flatMap(LeadID.init(uuidString:)),
                accountOwner: try row.text(2).flatMap(RepID.init(uuidString:)),
                at: Date(timeIntervalSince1970: try row.requiredDouble(3)))
        }
    }

    public func rejectionsAwaitingFollowUp() throws -> [RecordedRejection] {
        try read { session in
            try Self.rejections(
                session,
                """
                r JOIN lead l ON l.id = r.lead_id
                LEFT JOIN disposition_follow_up f ON f.lead_id = r.lead_id AND f.at >= r.rejected_at
                WHERE l.stage = 'disqualified' AND r.reason IN ('duplicate', 'existing_customer') AND f.lead_id IS NULL
                ORDER BY r.rejected_at, r.lead_id
                """, [], prefix: "r.")
        }
    }

    public func handoffs() throws -> [HandoffRecord] {
        let decoder = JSONDecoder()
        return try read { session in
            try session.rows(
                """
                SELECT lead_id, rep_id, handed_at, handed_by, score_total, grade, model_version, contributions
                FROM lead_handoff ORDER BY id
                """
            ).compactMap { row in
                guard let lead = LeadID(uuidString: try row.requiredText(0)),
                    let rep = RepID(uuidString: try row.requiredText(1))
                else { return nil }
                let contributions =
                    (try? decoder.decode([ScoreContribution].self, from: Data(try row.requiredText(7).utf8))) ?? []
                return HandoffRecord(
                    leadID: lead, repID: rep, handedAt: Date(timeIntervalSince1970: try row.requiredDouble(2)),
                    handedBy: try row.requiredText(3), scoreTotal: try row.double(4),
                    grade: try row.text(5).flatMap(Grade.init(rawValue:)), modelVersion: try row.int64(6).map(Int.init),
                    contributions: contributions)
            }
        }
    }

    public func stageChanges(since: Date?) throws -> [StageChange] {
        try read { session in
            try Self.stageChanges(
                session, "WHERE at >= $1 ORDER BY lead_id, id",
                [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude])
        }
    }

    public func accountOwner(of leadID: LeadID) throws -> RepID? {
        try read { session in
            try session.rows(
                """
                SELECT h.rep_id FROM lead l
                JOIN lead o ON o.id <> l.id AND (
                    (l.company IS NOT NULL AND lower(o.company COLLATE "C") = lower(l.company COLLATE "C"))
                    OR (l.email_normalized IS NOT NULL AND o.email_normalized IS NOT NULL
                        AND substr(o.email_normalized, strpos(o.email_normalized, '@'))
                            = substr(l.email_normalized, strpos(l.email_normalized, '@'))))
                JOIN lead_handoff h ON h.lead_id = o.id
                WHERE l.id = $1 AND o.stage IN ('accepted', 'converted')
                ORDER BY h.handed_at DESC, h.id DESC LIMIT 1
                """, [leadID.description]
            ).first.flatMap { RepID(uuidString: try $0.requiredText(0)) }
        }
    }

    private static func rejections(
        _ session: PostgresSession, _ clause: String, _ parameters: [any SQLBindable], prefix: String = ""
    ) throws -> [RecordedRejection] {
        try session.rows(
            """
            SELECT \(prefix)lead_id, \(prefix)reason, \(prefix)rejected_at, \(prefix)score_at_rejection,
                \(prefix)cool_down_until FROM lead_rejection \(clause)
            """, parameters
        ).compactMap { row in
            guard let lead = LeadID(uuidString: try row.requiredText(0)) else { return nil }
            return RecordedRejection(
                leadID: lead, reason: try row.text(1).flatMap(ReasonCode.init(rawValue:)),
                rejectedAt: Date(timeIntervalSince1970: try row.requiredDouble(2)), scoreAtRejection: try row.double(3),
                coolDownUntil: try row.double(4).map(Date.init(timeIntervalSince1970:)))
        }
    }
}
