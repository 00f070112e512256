import Foundation
import GRDB
public import LeadModel
public import StoreContract

extension SQLiteLeadStore {
    /// Checks the move against ``StageTransitionTable`` from the lead's current stage, then updates
    /// the lead and appends the history row, in one write transaction; a refused move writes nothing.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)``; ``StageTransitionError`` (naming both stages);
    ///   ``LeadStoreError/scoringModelNotFound(_:)`` when `modelVersion` names no saved model.
    @discardableResult
    public func transition(_ change: StageTransitionRequest) throws -> StageChange {
        try write { db in try Self.applyTransition(change, in: db) }
    }

    /// Checks and applies many moves, in the order given, in one write transaction (as
    /// ``transition(_:)`` does each), so they commit once instead of once per lead.
    /// - Returns: one stage change per move, in the order given.
    /// - Throws: the first refused move's error (see ``transition(_:)``); nothing is kept then.
    @discardableResult
    public func transition(_ changes: [StageTransitionRequest]) throws -> [StageChange] {
        try write { db in try changes.map { try Self.applyTransition($0, in: db) } }
    }

    /// Checks and applies one move inside the caller's transaction (see ``transition(_:)``); a
    /// refused move throws before anything is written.
    static func applyTransition(_ change: StageTransitionRequest, in db: Database) throws -> StageChange {
        let leadID = change.leadID.description
        let current = try currentStage(leadID: change.leadID, in: db)
        // Checked before the model version (and again by recordTransition), so an illegal move is
        // reported as one even when its model version is unknown too.
        try StageTransitionTable.check(from: current, to: change.to, trigger: change.trigger)
        if let version = change.modelVersion, try !Self.scoringModelExists(version, in: db) {
            throw LeadStoreError.scoringModelNotFound(version)
        }
        let stageChange = try recordTransition(change, from: current, in: db)
        try logStageChange(leadID: leadID, to: change.to, at: change.at, in: db)
        return stageChange
    }

    /// The lead's stage history, oldest first (empty for an unknown lead).
    public func stageHistory(leadID: LeadID) throws -> [StageChange] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT from_stage, to_stage, "trigger", actor, at, reason, note, model_version
                        FROM stage_change WHERE lead_id = ? ORDER BY id
                        """),
                arguments: [leadID.description]
            ).map { row in
                guard let from = LifecycleStage(rawValue: row[0]), let to = LifecycleStage(rawValue: row[1]),
                    let trigger = StageTrigger(rawValue: row[2])
                else {
                    throw LeadStoreError.corruptRow(
                        table: "stage_change", detail: "lead \(leadID): unknown stage or trigger")
                }
                let reasonText: String? = row[5]
                let reason = try reasonText.map { text in
                    guard let code = ReasonCode(rawValue: text) else {
                        throw LeadStoreError.corruptRow(
                            table: "stage_change", detail: "lead \(leadID): unknown reason '\(text)'")
                    }
                    return code
                }
                return StageChange(
                    leadID: leadID, from: from, to: to, trigger: trigger, actor: row[3],
                    at: Date(timeIntervalSince1970: row[4]), reason: reason, note: row[6], modelVersion: row[7])
            }
        }
    }
}
