public import Foundation
import GRDB
public import LeadModel
public import StoreContract
import SyncProtocol

extension SQLiteLeadStore: SyncStore {
    /// One: SQLite has a single writer.
    public var concurrentPushGroups: Int { 1 }

    /// Hands a lead to a rep in one write transaction: `mql` → `assigned` (trigger `route`),
    /// `assigned` → `assigned` to another rep (trigger `reassign`), or an `accepted` lead to
    /// another rep without a stage change (its rep was deactivated; no history row, as SPEC §3.1
    /// has no edge for it), with the history row, the
    /// owner, and the change log (an upsert for the new owner, a removal `reassigned` for the old
    /// one). Assigning a lead to the rep who already has it changes nothing.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)``, ``LeadStoreError/repNotFound(_:)``,
    ///   ``LeadStoreError/repInactive(_:)``; ``StageTransitionError`` for any other stage.
    @discardableResult
    public func assign(leadID: LeadID, to repID: RepID, actor: String, at date: Date) throws -> LeadAssignmentChange {
        try write { db in
            try Self.checkActive(repID, in: db)
            var changeLogs = ChangeLogBatches()
            let change = try Self.assign(
                leadID: leadID, to: repID, actor: actor, at: date, changeLogs: &changeLogs, in: db)
            try changeLogs.write(at: date, in: db)
            return change
        }
    }

    /// Hands many leads to their reps in one write transaction, each as
    /// ``assign(leadID:to:actor:at:)`` does (history row, owner, hand-off record), in the order
    /// given; the change-log rows are collected per rep and written at the end, one batch per rep
    /// (``ChangeLogBatches``): a routing run reads each rep's digest once, not once per lead.
    /// - Returns: one change per request, in the order given.
    /// - Throws: the first request's error, as ``assign(leadID:to:actor:at:)``; then nothing is kept.
    @discardableResult
    public func assign(_ handoffs: [LeadHandoffRequest], actor: String, at date: Date) throws
        -> [LeadAssignmentChange]
    {
        try write { db in
            var checked: Set<RepID> = []
            var changeLogs = ChangeLogBatches()
            let changes = try handoffs.map { handoff in
                if checked.insert(handoff.repID).inserted { try Self.checkActive(handoff.repID, in: db) }
                return try Self.assign(
                    leadID: handoff.leadID, to: handoff.repID, actor: actor, at: date, changeLogs: &changeLogs, in: db)
            }
            try changeLogs.write(at: date, in: db)
            return changes
        }
    }

    /// Throws unless the rep exists and is active.
    private static func checkActive(_ repID: RepID, in db: Database) throws {
        guard
            let active = try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT active FROM rep WHERE id = ?"), arguments: [repID.description])
        else { throw LeadStoreError.repNotFound(repID) }
        guard active else { throw LeadStoreError.repInactive(repID) }
    }

    /// One assignment inside the caller's write transaction, the rep already checked; its
    /// change-log rows go to `changeLogs`, for the caller to write.
    private static func assign(
        leadID: LeadID, to repID: RepID, actor: String, at date: Date, changeLogs: inout ChangeLogBatches,
        in db: Database
    ) throws -> LeadAssignmentChange {
        let lead = leadID.description
        let rep = repID.description
        let stage = try Self.currentStage(leadID: leadID, in: db)
        let previousText = try String.fetchOne(
            db.cachedStatement(sql: "SELECT rep_id FROM lead_assignment WHERE lead_id = ?"), arguments: [lead])
        let previous = previousText.flatMap(RepID.init(uuidString:))
        let trigger: StageTrigger = stage == .mql ? .route : .reassign
        if previous == repID, stage == .assigned || stage == .accepted {
            let change = StageChange(leadID: leadID, from: stage, to: stage, trigger: trigger, actor: actor, at: date)
            return LeadAssignmentChange(leadID: leadID, previousRep: previous, rep: repID, stageChange: change)
        }
        let change: StageChange
        if stage == .accepted {
            // Changing hands is not a stage change: SPEC §3.1 has no edge for it, so no history row;
            // the owner row records who handed it on and when.
            change = StageChange(leadID: leadID, from: stage, to: stage, trigger: trigger, actor: actor, at: date)
        } else {
            change = try Self.recordTransition(
                StageTransitionRequest(leadID: leadID, to: .assigned, trigger: trigger, actor: actor, at: date),
                from: stage, in: db)
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO lead_assignment (lead_id, rep_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (lead_id) DO UPDATE SET
                    rep_id = excluded.rep_id, assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by
                """
        ).execute(arguments: [lead, rep, date.timeIntervalSince1970, actor])
        if previousText != rep {
            try Self.recordHandoff(leadID: lead, repID: rep, at: date.timeIntervalSince1970, by: actor, in: db)
        }
        if let previousText {
            changeLogs.remove(repID: previousText, leadID: lead, reason: .reassigned)
        }
        changeLogs.upsert(repID: rep, leadID: lead)
        return LeadAssignmentChange(leadID: leadID, previousRep: previous, rep: repID, stageChange: change)
    }

    /// Takes a lead out of its rep's scope without handing it to another (its rep was deactivated
    /// and nobody else can take it): the owner row goes, the rep's devices get a removal
    /// `reassigned`; the stage stays (`assigned` or `accepted`) until routing hands it on.
    /// - Returns: the rep it was taken from, or `nil` when it had none.
    @discardableResult
    public func releaseLead(_ leadID: LeadID, at date: Date) throws -> RepID? {
        try write { db in
            let lead = leadID.description
            guard
                let previous = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT rep_id FROM lead_assignment WHERE lead_id = ?"), arguments: [lead])
            else { return nil }
            try db.execute(sql: "DELETE FROM lead_assignment WHERE lead_id = ?", arguments: [lead])
            try Self.logRemoval(repID: previous, leadID: lead, reason: .reassigned, at: date, in: db)
            return RepID(uuidString: previous)
        }
    }

    /// Leads handed to sales (`assigned` or `accepted`) that no rep owns: released from a
    /// deactivated rep, waiting for routing. By id.
    public func unownedHandedLeads() throws -> [Lead] {
        try read { db in
            try Lead.leads(
                rows: Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(Lead.selectedColumns) FROM lead
                        WHERE stage IN ('assigned', 'accepted')
                          AND NOT EXISTS (SELECT 1 FROM lead_assignment a WHERE a.lead_id = lead.id)
                        ORDER BY id
                        """))
        }
    }

    /// The rep who owns the lead now, or `nil`.
    public func owner(of leadID: LeadID) throws -> RepID? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT rep_id FROM lead_assignment WHERE lead_id = ?", arguments: [leadID.description]
            ).flatMap(RepID.init(uuidString:))
        }
    }

    /// The lead's stage, read inside a transaction.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)``, or ``LeadStoreError/corruptRow(table:detail:)``.
    static func currentStage(leadID: LeadID, in db: Database) throws -> LifecycleStage {
        guard
            let text = try String.fetchOne(
                db.cachedStatement(sql: "SELECT stage FROM lead WHERE id = ?"), arguments: [leadID.description])
        else { throw LeadStoreError.leadNotFound(leadID) }
        guard let stage = LifecycleStage(rawValue: text) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(leadID): unknown stage '\(text)'")
        }
        return stage
    }

    /// Checks a move from `from` against ``StageTransitionTable``, updates the lead and appends the
    /// history row, inside the caller's transaction (no change-log row: callers write their own).
    /// - Throws: ``StageTransitionError``.
    @discardableResult
    static func recordTransition(
        _ change: StageTransitionRequest, from: LifecycleStage, in db: Database
    ) throws -> StageChange {
        try StageTransitionTable.check(from: from, to: change.to, trigger: change.trigger)
        let leadID = change.leadID.description
        try db.cachedStatement(sql: "UPDATE lead SET stage = ? WHERE id = ?")
            .execute(arguments: [change.to.rawValue, leadID])
        try db.cachedStatement(
            sql: """
                INSERT INTO stage_change
                    (lead_id, from_stage, to_stage, "trigger", actor, at, reason, note, model_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            leadID, from.rawValue, change.to.rawValue, change.trigger.rawValue, change.actor,
            change.at.timeIntervalSince1970, change.reason?.rawValue, change.note, change.modelVersion,
        ])
        if change.trigger.isReject {
            try recordRejection(
                leadID: leadID, reason: change.reason, at: change.at.timeIntervalSince1970, in: db)
        }
        return StageChange(
            leadID: change.leadID, from: from, to: change.to, trigger: change.trigger, actor: change.actor,
            at: change.at, reason: change.reason, note: change.note, modelVersion: change.modelVersion)
    }
}
