import Foundation
import GRDB
import LeadModel
import StoreContract
import SyncProtocol

/// The effects of one push's mutations, applied one by one inside the push's write transaction
/// (SPEC §5 rule 5), with what every mutation needs read once for the whole batch.
///
/// Made with the leads the batch will apply mutations to: their stages and owners are read in one
/// query, then kept in memory as each mutation changes them, so every intent is still re-validated
/// against the state left by the mutations before it. The note, contact-field and dropped-owner
/// rows are written as each mutation is applied, through statements prepared once per batch.
/// The stage moves are written by ``finish(in:)``, still inside the push's transaction: each
/// moved lead's final stage (one `UPDATE` per target stage), the stage-history rows in mutation
/// order (one `INSERT … SELECT` over a JSON array made by `JSONEncoder`), each reject's row, then
/// the cool-downs (after the rejects, whose rows they complete); and the change-log rows collected
/// in a ``ChangeLogBatch`` (one row per lead). Statements over whole batches: each runs once per push,
/// not once per mutation. (The word-list CHECKs of `stage_change` are `=` comparisons joined by
/// OR since `v5-push-write-path`: for an `IN` list SQLite built a lookup table per row checked.)
struct PushBatch {
    private let rep: String
    private let actor: String
    private let date: Date
    private let at: Double
    /// The leads' stages and owners as the batch has left them.
    private var leads: PushLeadStates
    /// Each known lead's rowid (stage moves are written by rowid: one b-tree search instead of two).
    private var rowIDs: [String: Int64] = [:]
    private var changeLog: ChangeLogBatch
    /// The stage moves made, in mutation order: the stage-history rows to write.
    private var moves:
        [(
            lead: String, from: LifecycleStage, to: LifecycleStage, trigger: StageTrigger, reason: ReasonCode?,
            note: String?
        )] = []
    /// The cool-downs set by recycling rejects, in mutation order.
    private var coolDowns: [(lead: String, until: Double)] = []
    private let dropOwner: Statement
    private let insertNote: Statement

    /// Reads the leads' stages and owners and prepares the statements.
    /// - Parameters:
    ///   - repID: the pushing rep.
    ///   - leadIDs: the leads the batch's mutations name, as stored (lower-case UUID texts;
    ///     repeats allowed).
    ///   - date: the server time of the push: stage-history, note and change-log stamps.
    /// - Throws: a database error.
    init(repID: RepID, leadIDs: some Sequence<String>, at date: Date, in db: Database) throws {
        rep = repID.description
        actor = "rep:\(rep)"
        self.date = date
        at = date.timeIntervalSince1970
        changeLog = ChangeLogBatch(repID: rep)
        let distinct = Set(leadIDs)
        var states: [String: LeadMutationState] = [:]
        if !distinct.isEmpty {
            let leadList = String(decoding: try JSONEncoder().encode(Array(distinct)), as: UTF8.self)
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT lead.id, lead.stage, lead_assignment.rep_id, lead.rowid FROM lead
                        LEFT JOIN lead_assignment ON lead_assignment.lead_id = lead.id
                        WHERE lead.id IN (SELECT value FROM json_each(?))
                        """),
                arguments: [leadList])
            states.reserveCapacity(distinct.count)
            rowIDs.reserveCapacity(distinct.count)
            while let row = try rows.next() {
                guard let stage = LifecycleStage(rawValue: row[1]) else { continue }
                let lead: String = row[0]
                states[lead] = LeadMutationState(stage: stage, isOwnedByPusher: (row[2] as String?) == rep)
                rowIDs[lead] = row[3]
            }
        }
        leads = PushLeadStates(states)
        dropOwner = try db.cachedStatement(sql: "DELETE FROM lead_assignment WHERE lead_id = ?")
        insertNote = try db.cachedStatement(
            sql: "INSERT INTO rep_note (lead_id, rep_id, text, created_at) VALUES (?, ?, ?, ?)")
    }

    /// Asks ``MutationRules`` (through ``PushLeadStates``) what the mutation does to the lead as
    /// the batch has left it, and persists that effect; every refusal is a permanent rejection
    /// code, never a throw. Nothing is decided here.
    /// - Parameter lead: the mutation's lead id as stored (its lower-case UUID text).
    /// - Throws: a database error (the caller's transaction then rolls back).
    mutating func apply(_ mutation: Mutation, leadID lead: String, in db: Database) throws -> PushOutcome {
        let effect: MutationEffect
        switch leads.decide(mutation, on: lead, at: date) {
        case .failure(let code): return .rejected(code)
        case .success(let decided): effect = decided
        }
        if let move = effect.stageMove {
            self.move(lead, from: move.from, to: move.to, trigger: move.trigger, reason: move.reason, note: move.note)
        }
        if let until = effect.coolDownUntil { coolDowns.append((lead, until.timeIntervalSince1970)) }
        if let note = effect.note { try insertNote.execute(arguments: [lead, rep, note, at]) }
        if let correction = effect.contactCorrection { try write(correction, to: lead, in: db) }
        if let reason = effect.leavesScope {
            try leaveScope(lead, reason: reason)
        } else {
            changeLog.upsert(leadID: lead)
        }
        return .applied
    }

    /// Writes a validated contact correction's fields to the lead.
    private func write(_ correction: ContactCorrection, to lead: String, in db: Database) throws {
        let fields: [(column: String, value: String?)] = [
            ("first_name", correction.firstName), ("last_name", correction.lastName),
            ("phone", correction.phone), ("title", correction.title), ("company", correction.company),
        ]
        var assignments: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        for field in fields {
            guard let value = field.value else { continue }
            assignments.append("\(field.column) = ?")
            arguments.append(value)
        }
        if let text = correction.email {
            let email = EmailAddress(text)
            assignments += ["email = ?", "email_normalized = ?", "email_valid = ?"]
            arguments += [email.address, email.normalized, email.isValid]
        }
        assignments.append("updated_at = ?")
        arguments += [at, lead]
        // At most 2⁶ column sets: cached like the other statements.
        try db.cachedStatement(sql: "UPDATE lead SET \(assignments.joined(separator: ", ")) WHERE id = ?")
            .execute(arguments: StatementArguments(arguments))
    }

    /// Writes the batch's stage moves, cool-downs and change-log rows, inside the push's
    /// transaction (see the type's notes for the order).
    /// - Throws: a database error.
    func finish(in db: Database) throws {
        if !moves.isEmpty {
            var byStage: [LifecycleStage: [Int64]] = [:]
            var seen: Set<String> = []
            for move in moves where seen.insert(move.lead).inserted {
                if let stage = leads.stage(of: move.lead), let rowID = rowIDs[move.lead] {
                    byStage[stage, default: []].append(rowID)
                }
            }
            let updateStage = try db.cachedStatement(
                sql: "UPDATE lead SET stage = ? WHERE rowid IN (SELECT value FROM json_each(?))")
            for (stage, rowIDs) in byStage {
                try updateStage.execute(arguments: [
                    stage.rawValue, String(decoding: try JSONEncoder().encode(rowIDs), as: UTF8.self),
                ])
            }
            let history = try JSONEncoder().encode(
                moves.map {
                    [$0.lead, $0.from.rawValue, $0.to.rawValue, $0.trigger.rawValue, $0.reason?.rawValue, $0.note]
                })
            try db.cachedStatement(
                sql: """
                    INSERT INTO stage_change
                        (lead_id, from_stage, to_stage, "trigger", actor, at, reason, note, model_version)
                    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
                        json_extract(value, '$[3]'), ?, ?, json_extract(value, '$[4]'), json_extract(value, '$[5]'),
                        NULL
                    FROM json_each(?) ORDER BY key
                    """
            ).execute(arguments: [actor, at, String(decoding: history, as: UTF8.self)])
            for move in moves where move.trigger.isReject {
                try SQLiteLeadStore.recordRejection(leadID: move.lead, reason: move.reason, at: at, in: db)
            }
        }
        for coolDown in coolDowns {
            try SQLiteLeadStore.recordCoolDown(leadID: coolDown.lead, until: coolDown.until, in: db)
        }
        try changeLog.write(at: date, in: db)
    }

    /// Records a stage move (checked against `StageTransitionTable` by ``MutationRules``; the
    /// lead's stage in memory is moved by ``PushLeadStates``), its rows written in ``finish(in:)``.
    private mutating func move(
        _ lead: String, from: LifecycleStage, to: LifecycleStage, trigger: StageTrigger, reason: ReasonCode?,
        note: String?
    ) {
        moves.append((lead, from, to, trigger, reason, note))
    }

    /// Drops the owner and records the removal from the rep's scope.
    private mutating func leaveScope(_ lead: String, reason: RemovalReason) throws {
        try dropOwner.execute(arguments: [lead])
        changeLog.remove(leadID: lead, reason: reason)
    }
}
