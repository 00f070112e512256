public import Foundation
public import LeadModel
public import StoreContract

extension PostgresLeadStore {
    @discardableResult
    public func transition(_ change: StageTransitionRequest) throws -> StageChange {
        try write { try Self.applyTransition(change, in: $0) }
    }

    /// Checks and applies many moves, in the order given, in one transaction.
    /// - Throws: the first refused move's error; nothing is kept then.
    @discardableResult
    public func transition(_ changes: [StageTransitionRequest]) throws -> [StageChange] {
        try write { session in try changes.map { try Self.applyTransition($0, in: session) } }
    }

    public func stageHistory(leadID: LeadID) throws -> [StageChange] {
        try read { session in
            try Self.stageChanges(
                session, "WHERE lead_id = $1 ORDER BY id", [leadID.description])
        }
    }

    public func endCoolDowns(dueBy date: Date, actor: String) throws -> [LeadID] {
        try write { session in
            var moved: [LeadID] = []
            for row in try session.rows(
                "SELECT lead_id FROM lead_cool_down WHERE until <= $1 ORDER BY lead_id", [date.timeIntervalSince1970])
            {
                let text = try row.requiredText(0)
                guard let leadID = LeadID(uuidString: text) else {
                    throw LeadStoreError.corruptRow(table: "lead_cool_down", detail: "lead id '\(text)'")
                }
                let stage = try Self.currentStage(leadID: leadID, in: session)
                if stage == .recycled {
                    try Self.recordTransition(
                        StageTransitionRequest(
                            leadID: leadID, to: .nurturing, trigger: .coolDownEnded, actor: actor, at: date),
                        from: stage, in: session)
                    moved.append(leadID)
                }
                try session.execute("DELETE FROM lead_cool_down WHERE lead_id = $1", [text])
            }
            return moved
        }
    }

    /// Checks and applies one move inside the caller's transaction; a refused move throws before
    /// anything is written.
    static func applyTransition(_ change: StageTransitionRequest, in session: PostgresSession) throws -> StageChange {
        let current = try currentStage(leadID: change.leadID, in: session)
        try StageTransitionTable.check(from: current, to: change.to, trigger: change.trigger)
        if let version = change.modelVersion, try !scoringModelExists(version, in: session) {
            throw LeadStoreError.scoringModelNotFound(version)
        }
        let stageChange = try recordTransition(change, from: current, in: session)
        try logStageChange(leadID: change.leadID.description, to: change.to, at: change.at, in: session)
        return stageChange
    }

    /// The lead's stage, locking its row for the rest of the transaction (another process's
    /// verdict on the same lead waits, then sees this one's result).
    static func currentStage(leadID: LeadID, in session: PostgresSession) throws -> LifecycleStage {
        guard
            let text = try session.rows("SELECT stage FROM lead WHERE id = $1 FOR UPDATE", [leadID.description]).first?
                .requiredText(0)
        else { throw LeadStoreError.leadNotFound(leadID) }
        guard let stage = LifecycleStage(rawValue: text) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(leadID): unknown stage '\(text)'")
        }
        return stage
    }

    /// Checks a move from `from`, updates the lead and appends the history row (a reject also
    /// records its rejection), inside the caller's transaction; no change-log row.
    @discardableResult
    static func recordTransition(_ change: StageTransitionRequest, from: LifecycleStage, in session: PostgresSession)
        throws -> StageChange
    {
        try StageTransitionTable.check(from: from, to: change.to, trigger: change.trigger)
        let leadID = change.leadID.description
        session.enqueue("UPDATE lead SET stage = $1 WHERE id = $2", [change.to.rawValue, leadID])
        session.enqueue(
            """
            INSERT INTO stage_change (lead_id, from_stage, to_stage, "trigger", actor, at, reason, note, model_version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """,
            [
                leadID, from.rawValue, change.to.rawValue, change.trigger.rawValue, change.actor,
                change.at.timeIntervalSince1970, change.reason?.rawValue, change.note, change.modelVersion,
            ])
        if change.trigger.isReject {
            recordRejection(leadID: leadID, reason: change.reason, at: change.at.timeIntervalSince1970, in: session)
        }
        return StageChange(
            leadID: change.leadID, from: from, to: change.to, trigger: change.trigger, actor: change.actor,
            at: change.at, reason: change.reason, note: change.note, modelVersion: change.modelVersion)
    }

    /// Enqueues one statement for a batch's stage moves: each moved lead's final stage, and the
    /// history rows in the order given (a lead moved twice gets two rows). The moves were checked
    /// by the caller; the change log is the caller's too.
    /// - Parameters:
    ///   - finalStages: each moved lead's stage after the batch, by its id as stored.
    ///   - at: seconds since 1970, the history rows' stamp.
    static func recordStageMoves(
        _ moves: [PostgresStageMove], finalStages: [String: LifecycleStage], actor: String, at: Double,
        in session: PostgresSession
    ) {
        guard !moves.isEmpty else { return }
        let moved = Array(finalStages.keys)
        let history: [SQLValue] = [
            .text(actor), .double(at), .texts(moves.map(\.leadID)), .texts(moves.map(\.from.rawValue)),
            .texts(moves.map(\.to.rawValue)), .texts(moves.map(\.trigger.rawValue)),
            .texts(moves.map { $0.reason?.rawValue ?? "" }), .texts(moves.map { $0.note ?? "" }),
            .booleans(moves.map { $0.note != nil }),
        ]
        let stages: [SQLValue] = [.texts(moved), .texts(moved.map { finalStages[$0]!.rawValue })]
        session.enqueue(
            """
            WITH moved AS (
                UPDATE lead SET stage = t.stage FROM unnest($10::text[], $11::text[]) AS t(id, stage)
                WHERE lead.id = t.id
            )
            INSERT INTO stage_change (lead_id, from_stage, to_stage, "trigger", actor, at, reason, note, model_version)
            SELECT l, f, t, g, $1, $2, NULLIF(r, ''), CASE WHEN hn THEN n END, NULL
            FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[])
                WITH ORDINALITY AS u(l, f, t, g, r, n, hn, o)
            ORDER BY o
            """, history + stages)
    }

    /// Stage-history rows matching `clause` (over `stage_change`), decoded.
    static func stageChanges(_ session: PostgresSession, _ clause: String, _ parameters: [any SQLBindable]) throws
        -> [StageChange]
    {
        try session.rows(
            """
            SELECT lead_id, from_stage, to_stage, "trigger", actor, at, reason, note, model_version
            FROM stage_change \(clause)
            """, parameters
        ).map { row in
            let leadText = try row.requiredText(0)
            guard let leadID = LeadID(uuidString: leadText),
                let from = LifecycleStage(rawValue: try row.requiredText(1)),
                let to = LifecycleStage(rawValue: try row.requiredText(2)),
                let trigger = StageTrigger(rawValue: try row.requiredText(3))
            else {
                throw LeadStoreError.corruptRow(
                    table: "stage_change", detail: "lead \(leadText): unknown stage or trigger")
            }
            let reason = try row.text(6).map { text in
                guard let code = ReasonCode(rawValue: text) else {
                    throw LeadStoreError.corruptRow(
                        table: "stage_change", detail: "lead \(leadText): unknown reason '\(text)'")
                }
                return code
            }
            return StageChange(
                leadID: leadID, from: from, to: to, trigger: trigger, actor: try row.requiredText(4),
                at: Date(timeIntervalSince1970: try row.requiredDouble(5)), reason: reason, note: try row.text(7),
                modelVersion: try row.int64(8).map(Int.init))
        }
    }
}
