import Foundation
import LeadModel
import StoreContract
import SyncProtocol

/// A batch of hand-offs in one transaction (``PostgresLeadStore/assign(_:actor:at:)``), decided
/// in order on the leads' state as the batch leaves it and written set-based: one round trip
/// locks and reads every lead and checks every rep, then one statement per table writes the
/// stage moves with their history rows, the owners, the hand-off records, and each rep's
/// change-log rows (``PostgresLeadStore/appendChangeLog(repID:changes:at:in:)``). The moves are
/// the single assignment's: `mql` → `assigned` (trigger `route`), `assigned` → `assigned` to
/// another rep (`reassign`), an `accepted` lead to another rep without a stage change, and no
/// change at all for a lead its rep already has. Locks are taken as every writer takes them:
/// the leads (in id order), then the reps' change-log scopes (in id order).
struct PostgresHandoffBatch {
    private let actor: String
    private let date: Date
    private var stages: [String: LifecycleStage] = [:]
    private var owners: [String: String] = [:]
    /// The stage moves in order: the history rows.
    private var moves: [PostgresStageMove] = []
    /// The leads whose owner row is written (their final owner), in first-change order.
    private var ownedLeads: [String] = []
    private var ownedLeadSet: Set<String> = []
    /// The hand-off records, in order.
    private var handoffs: [(lead: String, rep: String)] = []
    /// Each rep's change-log entries, in order; reps in first-touch order.
    private var changeLogs: [(rep: String, changes: [(leadID: String, removal: RemovalReason?)])] = []
    private var changeLogPositions: [String: Int] = [:]

    private init(actor: String, date: Date) {
        self.actor = actor
        self.date = date
    }

    /// Hands each lead to its rep (see the type's notes), inside the caller's transaction.
    /// - Returns: one change per request, in order.
    /// - Throws: ``LeadStoreError/repNotFound(_:)`` or ``LeadStoreError/repInactive(_:)`` at a
    ///   rep's first request, ``LeadStoreError/leadNotFound(_:)``, ``StageTransitionError``; a
    ///   database error. The caller's transaction then keeps nothing.
    static func assign(_ requests: [LeadHandoffRequest], actor: String, at date: Date, in session: PostgresSession)
        throws -> [LeadAssignmentChange]
    {
        guard !requests.isEmpty else { return [] }
        let leadIDs = Array(Set(requests.map(\.leadID.description))).sorted()
        let repIDs = Array(Set(requests.map(\.repID.description)))
        let repRows = session.sendRows("SELECT id, active FROM rep WHERE id = ANY($1)", [repIDs])
        session.enqueue("SELECT 1 FROM lead WHERE id = ANY($1) ORDER BY id FOR UPDATE", [leadIDs])
        // Read after the lock: a statement that waited for it sees what its holder committed.
        let leadRows = session.sendRows(
            "SELECT l.id, l.stage, a.rep_id FROM lead l LEFT JOIN lead_assignment a ON a.lead_id = l.id WHERE l.id = ANY($1)",
            [leadIDs])
        var active: [String: Bool] = [:]
        for row in try repRows.wait() { active[try row.requiredText(0)] = try row.requiredBool(1) }
        var batch = PostgresHandoffBatch(actor: actor, date: date)
        for row in try leadRows.wait() {
            let lead = try row.requiredText(0)
            let text = try row.requiredText(1)
            guard let stage = LifecycleStage(rawValue: text) else {
                throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(lead): unknown stage '\(text)'")
            }
            batch.stages[lead] = stage
            batch.owners[lead] = try row.text(2)
        }
        var checked: Set<RepID> = []
        var changes: [LeadAssignmentChange] = []
        changes.reserveCapacity(requests.count)
        for request in requests {
            if checked.insert(request.repID).inserted {
                guard let isActive = active[request.repID.description] else {
                    throw LeadStoreError.repNotFound(request.repID)
                }
                guard isActive else { throw LeadStoreError.repInactive(request.repID) }
            }
            changes.append(try batch.assign(request.leadID, to: request.repID))
        }
        try batch.write(in: session)
        return changes
    }

    /// Decides one hand-off on the state the batch has left, recording its effects.
    private mutating func assign(_ leadID: LeadID, to repID: RepID) throws -> LeadAssignmentChange {
        let lead = leadID.description
        let rep = repID.description
        guard let stage = stages[lead] else { throw LeadStoreError.leadNotFound(leadID) }
        let previousText = owners[lead]
        let previous = previousText.flatMap(RepID.init(uuidString:))
        let trigger: StageTrigger = stage == .mql ? .route : .reassign
        let unchanged = StageChange(leadID: leadID, from: stage, to: stage, trigger: trigger, actor: actor, at: date)
        if previous == repID, stage == .assigned || stage == .accepted {
            return LeadAssignmentChange(leadID: leadID, previousRep: previous, rep: repID, stageChange: unchanged)
        }
        var change = unchanged
        // An accepted lead changing hands is no stage change (SPEC §3.1 has no edge for it).
        if stage != .accepted {
            try StageTransitionTable.check(from: stage, to: .assigned, trigger: trigger)
            moves.append(PostgresStageMove(leadID: lead, from: stage, to: .assigned, trigger: trigger))
            stages[lead] = .assigned
            change = StageChange(leadID: leadID, from: stage, to: .assigned, trigger: trigger, actor: actor, at: date)
        }
        owners[lead] = rep
        if ownedLeadSet.insert(lead).inserted { ownedLeads.append(lead) }
        if previousText != rep { handoffs.append((lead, rep)) }
        if let previousText { record(lead, removal: .reassigned, in: previousText) }
        record(lead, removal: nil, in: rep)
        return LeadAssignmentChange(leadID: leadID, previousRep: previous, rep: repID, stageChange: change)
    }

    private mutating func record(_ lead: String, removal: RemovalReason?, in rep: String) {
        if let position = changeLogPositions[rep] {
            changeLogs[position].changes.append((lead, removal))
        } else {
            changeLogPositions[rep] = changeLogs.count
            changeLogs.append((rep, [(lead, removal)]))
        }
    }

    /// Writes the batch's effects, pipelined; then each rep's change-log rows under its lock.
    private func write(in session: PostgresSession) throws {
        let at = date.timeIntervalSince1970
        var finalStages: [String: LifecycleStage] = [:]
        for move in moves { finalStages[move.leadID] = stages[move.leadID] }
        PostgresLeadStore.recordStageMoves(moves, finalStages: finalStages, actor: actor, at: at, in: session)
        if !ownedLeads.isEmpty {
            session.enqueue(
                """
                INSERT INTO lead_assignment (lead_id, rep_id, assigned_at, assigned_by)
                SELECT l, r, $1, $2 FROM unnest($3::text[], $4::text[]) AS u(l, r)
                ON CONFLICT (lead_id) DO UPDATE SET
                    rep_id = excluded.rep_id, assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by
                """,
                [SQLValue.double(at), .text(actor), .texts(ownedLeads), .texts(ownedLeads.map { owners[$0]! })])
        }
        if !handoffs.isEmpty {
            session.enqueue(
                """
                INSERT INTO lead_handoff (lead_id, rep_id, handed_at, handed_by, score_total, grade, model_version, contributions)
                SELECT u.l, u.r, $1, $2, s.total, s.grade, s.model_version, COALESCE(s.contributions, '[]')
                FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS u(l, r, o)
                LEFT JOIN lead_score s ON s.lead_id = u.l AND s.is_current
                ORDER BY u.o
                """, [SQLValue.double(at), .text(actor), .texts(handoffs.map(\.lead)), .texts(handoffs.map(\.rep))])
        }
        PostgresLeadStore.lockScopes(changeLogs.map(\.rep), in: session)
        for log in changeLogs {
            try PostgresLeadStore.appendChangeLog(repID: log.rep, changes: log.changes, at: date, in: session)
        }
    }
}
