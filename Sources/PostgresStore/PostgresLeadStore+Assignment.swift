public import Foundation
public import LeadModel
public import StoreContract
import SyncProtocol

extension PostgresLeadStore {
    @discardableResult
    public func assign(leadID: LeadID, to repID: RepID, actor: String, at date: Date) throws -> LeadAssignmentChange {
        try write { session in
            try Self.checkActive(repID, in: session)
            return try Self.assign(leadID: leadID, to: repID, actor: actor, at: date, in: session)
        }
    }

    @discardableResult
    public func assign(leadIDs: [LeadID], to repID: RepID, actor: String, at date: Date) throws
        -> [LeadAssignmentChange]
    {
        try write { session in
            try Self.checkActive(repID, in: session)
            return try leadIDs.map { try Self.assign(leadID: $0, to: repID, actor: actor, at: date, in: session) }
        }
    }

    @discardableResult
    public func releaseLead(_ leadID: LeadID, at date: Date) throws -> RepID? {
        try write { session in
            let lead = leadID.description
            try session.execute("SELECT 1 FROM lead WHERE id = $1 FOR UPDATE", [lead])
            guard let previous = try Self.owner(leadID: lead, in: session) else { return nil }
            try session.execute("DELETE FROM lead_assignment WHERE lead_id = $1", [lead])
            try Self.logRemoval(repID: previous, leadID: lead, reason: .reassigned, at: date, in: session)
            return RepID(uuidString: previous)
        }
    }

    public func unownedHandedLeads() throws -> [Lead] {
        try read {
            try Self.fetchLeads(
                $0,
                """
                WHERE stage IN ('assigned', 'accepted')
                  AND NOT EXISTS (SELECT 1 FROM lead_assignment a WHERE a.lead_id = lead.id)
                ORDER BY id
                """)
        }
    }

    public func owner(of leadID: LeadID) throws -> RepID? {
        try read { try Self.owner(leadID: leadID.description, in: $0).flatMap(RepID.init(uuidString:)) }
    }

    private static func checkActive(_ repID: RepID, in session: PostgresSession) throws {
        guard
            let active = try session.rows("SELECT active FROM rep WHERE id = $1", [repID.description]).first?
                .requiredBool(0)
        else { throw LeadStoreError.repNotFound(repID) }
        guard active else { throw LeadStoreError.repInactive(repID) }
    }

    /// One assignment inside the caller's transaction, the rep already checked (the same moves as
    /// the SQLite store's: `mql` → `assigned` by `route`, `assigned` → `assigned` by `reassign`,
    /// an `accepted` lead changing hands without a stage change).
    private static func assign(
        leadID: LeadID, to repID: RepID, actor: String, at date: Date, in session: PostgresSession
    ) throws -> LeadAssignmentChange {
        let lead = leadID.description
        let rep = repID.description
        let stage = try currentStage(leadID: leadID, in: session)
        let previousText = try owner(leadID: lead, in: session)
        let previous = previousText.flatMap(RepID.init(uuidString:))
        let trigger: StageTrigger = stage == .mql ? .route : .reassign
        if previous == repID, stage == .assigned || stage == .accepted {
            let change = StageChange(leadID: leadID, from: stage, to: stage, trigger: trigger, actor: actor, at: date)
            return LeadAssignmentChange(leadID: leadID, previousRep: previous, rep: repID, stageChange: change)
        }
        let change: StageChange
        if stage == .accepted {
            change = StageChange(leadID: leadID, from: stage, to: stage, trigger: trigger, actor: actor, at: date)
        } else {
            change = try recordTransition(
                StageTransitionRequest(leadID: leadID, to: .assigned, trigger: trigger, actor: actor, at: date),
                from: stage, in: session)
        }
        lockScopes([rep] + (previousText.map { [$0] } ?? []), in: session)
        try session.execute(
            """
            INSERT INTO lead_assignment (lead_id, rep_id, assigned_at, assigned_by) VALUES ($1, $2, $3, $4)
            ON CONFLICT (lead_id) DO UPDATE SET
                rep_id = excluded.rep_id, assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by
            """, [lead, rep, date.timeIntervalSince1970, actor])
        if previousText != rep {
            try recordHandoff(leadID: lead, repID: rep, at: date.timeIntervalSince1970, by: actor, in: session)
        }
        if let previousText {
            try logRemoval(repID: previousText, leadID: lead, reason: .reassigned, at: date, in: session)
        }
        try logUpsert(repID: rep, leadID: lead, at: date, in: session)
        return LeadAssignmentChange(leadID: leadID, previousRep: previous, rep: repID, stageChange: change)
    }
}
