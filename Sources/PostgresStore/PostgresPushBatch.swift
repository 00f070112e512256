import Foundation
import LeadModel
import StoreContract
import SyncProtocol

/// The effects of one push's mutations, decided one by one on the leads' state as the push has
/// left it (``PushLeadStates``) and written by ``finish(in:)`` in a few set-based statements,
/// pipelined on the push's connection: each moved lead's final stage, the stage-history rows in
/// mutation order, each reject's row, the cool-downs (after the rejects, whose rows they complete),
/// the notes, the dropped owners, and the change-log rows (one per lead). Each statement runs once
/// per push, not once per mutation, so PostgreSQL parses and plans a handful of statements for a
/// push of any size. Contact corrections (rare, and each with its own column set) are one
/// statement each.
struct PostgresPushBatch {
    private let rep: String
    private let date: Date
    private var leads: PushLeadStates
    /// The stage moves made, in mutation order: the stage-history rows to write.
    private var moves: [PostgresStageMove] = []
    /// The cool-downs set by recycling rejects, in mutation order.
    private var coolDowns: [(lead: String, until: Double)] = []
    private var notes: [(lead: String, text: String)] = []
    private var corrections: [(lead: String, correction: ContactCorrection)] = []
    /// The leads whose owner the push dropped.
    private var ownersDropped: [String] = []
    /// The change-log entries, in mutation order (``PostgresLeadStore/appendChangeLog(repID:changes:at:in:)``
    /// keeps each lead's latest).
    private var changes: [(leadID: String, removal: RemovalReason?)] = []

    /// A batch over the leads' states read (and row-locked) before the push's first mutation.
    /// - Parameters:
    ///   - repID: the pushing rep, as stored.
    ///   - states: lead id as stored → its state.
    ///   - date: the server time of the push: stage-history, note and change-log stamps.
    init(repID: String, states: [String: LeadMutationState], at date: Date) {
        rep = repID
        self.date = date
        leads = PushLeadStates(states)
    }

    /// Asks ``MutationRules`` (through ``PushLeadStates``) what the mutation does to the lead and
    /// records the effect for ``finish(in:)``; every refusal is a permanent rejection code.
    mutating func apply(_ mutation: Mutation, leadID lead: String) -> PushOutcome {
        let effect: MutationEffect
        switch leads.decide(mutation, on: lead, at: date) {
        case .failure(let code): return .rejected(code)
        case .success(let decided): effect = decided
        }
        if let move = effect.stageMove {
            moves.append(
                PostgresStageMove(
                    leadID: lead, from: move.from, to: move.to, trigger: move.trigger, reason: move.reason,
                    note: move.note))
        }
        if let until = effect.coolDownUntil { coolDowns.append((lead, until.timeIntervalSince1970)) }
        if let note = effect.note { notes.append((lead, note)) }
        if let correction = effect.contactCorrection { corrections.append((lead, correction)) }
        if let reason = effect.leavesScope {
            ownersDropped.append(lead)
            changes.append((lead, reason))
        } else {
            changes.append((lead, nil))
        }
        return .applied
    }

    /// Sends the batch's writes (see the type's notes), pipelined behind one another; the
    /// change-log rows are appended under the rep's lock, from `changeLogReads` (sent for every
    /// lead the push names; `nil` when it names none).
    /// - Throws: a database error (the caller's savepoint then rolls back).
    func finish(changeLogReads: PendingChangeLogReads?, in session: PostgresSession) throws {
        let at = date.timeIntervalSince1970
        if !moves.isEmpty {
            var finalStages: [String: LifecycleStage] = [:]
            for move in moves where finalStages[move.leadID] == nil {
                finalStages[move.leadID] = leads.stage(of: move.leadID)
            }
            PostgresLeadStore.recordStageMoves(
                moves, finalStages: finalStages, actor: "rep:\(rep)", at: at, in: session)
            // A lead leaves the rep's scope on a reject: at most one reject per lead in a push.
            var rejected: [String: String] = [:]
            for move in moves where move.trigger.isReject {
                rejected[move.leadID] = move.reason?.rawValue ?? ""
            }
            if !rejected.isEmpty {
                PostgresLeadStore.recordRejections(
                    leadIDs: Array(rejected.keys), reasons: Array(rejected.values), at: at, in: session)
            }
        }
        if !coolDowns.isEmpty {
            var until: [String: Double] = [:]
            for coolDown in coolDowns { until[coolDown.lead] = coolDown.until }
            PostgresLeadStore.recordCoolDowns(leadIDs: Array(until.keys), until: Array(until.values), in: session)
        }
        if !notes.isEmpty {
            session.enqueue(
                """
                INSERT INTO rep_note (lead_id, rep_id, text, created_at)
                SELECT l, $1, t, $2 FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS u(l, t, o) ORDER BY o
                """, [SQLValue.text(rep), .double(at), .texts(notes.map(\.lead)), .texts(notes.map(\.text))])
        }
        for correction in corrections { write(correction.correction, to: correction.lead, in: session) }
        if !ownersDropped.isEmpty {
            session.enqueue("DELETE FROM lead_assignment WHERE lead_id = ANY($1)", [ownersDropped])
        }
        if let changeLogReads {
            try PostgresLeadStore.appendChangeLog(
                repID: rep, changes: changes, reads: changeLogReads, at: date, in: session)
        }
    }

    /// Writes a validated contact correction's fields to the lead.
    private func write(_ correction: ContactCorrection, to lead: String, in session: PostgresSession) {
        var assignments: [String] = []
        var values: [SQLValue] = []
        func set(_ column: String, _ value: SQLValue) {
            values.append(value)
            assignments.append("\(column) = $\(values.count)")
        }
        for (column, value) in [
            ("first_name", correction.firstName), ("last_name", correction.lastName), ("phone", correction.phone),
            ("title", correction.title), ("company", correction.company),
        ] {
            if let value { set(column, .text(value)) }
        }
        if let text = correction.email {
            let email = EmailAddress(text)
            set("email", .text(email.address))
            set("email_normalized", .text(email.normalized))
            set("email_valid", .boolean(email.isValid))
        }
        set("updated_at", .double(date.timeIntervalSince1970))
        values.append(.text(lead))
        session.enqueue(
            "UPDATE lead SET \(assignments.joined(separator: ", ")) WHERE id = $\(values.count)", values)
    }
}
