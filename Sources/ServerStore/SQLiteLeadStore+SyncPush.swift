public import Foundation
import GRDB
public import LeadModel
public import SyncProtocol

extension SQLiteLeadStore {
    /// How many recent mutation ids per client keep their payload hash, for conflict detection:
    /// 1,000. An older id re-sent is answered `duplicate` without comparing its payload.
    static let retainedPayloadHashes: Int64 = 1_000

    /// Applies a push in one write transaction (SPEC §5 rule 5; see
    /// ``SyncStore/applyPush(repID:clientID:mutations:at:)``).
    ///
    /// The first push of a client binds it to the rep and may start at any id (the device's outbox
    /// may have numbered mutations before its first push). Then each id must be the last applied
    /// id plus one; an id at or below it is a `duplicate` (same payload hash) or a `conflict`; an
    /// id above the next is a `gap` and is not recorded. A permanent rejection advances the last
    /// applied id like an applied mutation (no poisoned queue).
    /// - Throws: ``SyncError/forbidden`` when the client id belongs to another rep.
    public func applyPush(repID: RepID, clientID: String, mutations: [Mutation], at date: Date) throws
        -> [PushResult]
    {
        let rep = repID.description
        return try writer.write { db in
            var lastApplied: Int64?
            if let binding = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT rep_id, last_applied_id FROM client_binding WHERE client_id = ?"),
                arguments: [clientID])
            {
                guard (binding[0] as String) == rep else { throw SyncError.forbidden }
                lastApplied = binding[1]
            } else {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM rep WHERE id = ?", arguments: [rep]) != nil else {
                    throw LeadStoreError.repNotFound(repID)
                }
                try db.execute(
                    sql: "INSERT INTO client_binding (client_id, rep_id, first_seen_at) VALUES (?, ?, ?)",
                    arguments: [clientID, rep, date.timeIntervalSince1970])
            }
            let storedHash = try db.cachedStatement(
                sql: "SELECT payload_hash FROM client_mutation_payload WHERE client_id = ? AND mutation_id = ?")
            let record = try db.cachedStatement(
                sql: """
                    INSERT INTO client_mutation_payload (client_id, mutation_id, payload_hash, outcome, applied_at)
                    VALUES (?, ?, ?, ?, ?)
                    """)
            var results: [PushResult] = []
            results.reserveCapacity(mutations.count)
            for mutation in mutations {
                let hash = Self.payloadHash(of: mutation)
                if let last = lastApplied, mutation.mutationID <= last {
                    let earlier = try String.fetchOne(storedHash, arguments: [clientID, mutation.mutationID])
                    let outcome: PushOutcome = earlier == nil || earlier == hash ? .duplicate : .rejected(.conflict)
                    results.append(PushResult(mutationID: mutation.mutationID, outcome: outcome))
                    continue
                }
                if let last = lastApplied, mutation.mutationID != last + 1 {
                    results.append(PushResult(mutationID: mutation.mutationID, outcome: .rejected(.gap)))
                    continue
                }
                let outcome = try Self.apply(mutation, repID: repID, at: date, in: db)
                try record.execute(arguments: [
                    clientID, mutation.mutationID, hash, Self.outcomeText(outcome), date.timeIntervalSince1970,
                ])
                lastApplied = mutation.mutationID
                results.append(PushResult(mutationID: mutation.mutationID, outcome: outcome))
            }
            if let last = lastApplied {
                try db.execute(
                    sql: "UPDATE client_binding SET last_applied_id = ? WHERE client_id = ?",
                    arguments: [last, clientID])
                try db.execute(
                    sql: "DELETE FROM client_mutation_payload WHERE client_id = ? AND mutation_id <= ?",
                    arguments: [clientID, last - Self.retainedPayloadHashes])
            }
            return results
        }
    }

    /// Re-validates one intent against the lead's current state and applies it (SPEC §5 rule 5),
    /// inside the push's transaction. Every refusal is a permanent rejection code, never a throw.
    private static func apply(_ mutation: Mutation, repID: RepID, at date: Date, in db: Database) throws
        -> PushOutcome
    {
        let lead = mutation.leadID.description
        let rep = repID.description
        guard
            let stageText = try String.fetchOne(
                db.cachedStatement(sql: "SELECT stage FROM lead WHERE id = ?"), arguments: [lead]),
            let stage = LifecycleStage(rawValue: stageText)
        else { return .rejected(.unknownLead) }
        let owner = try String.fetchOne(
            db.cachedStatement(sql: "SELECT rep_id FROM lead_assignment WHERE lead_id = ?"), arguments: [lead])
        guard owner == rep, stage.isInRepScope else { return .rejected(.notAssigned) }
        let actor = "rep:\(rep)"

        switch mutation.intent {
        case .accept:
            guard StageTransitionTable.allows(from: stage, to: .accepted, trigger: .accept) else {
                return .rejected(.invalidTransition)
            }
            try recordTransition(
                StageTransitionRequest(
                    leadID: mutation.leadID, to: .accepted, trigger: .accept, actor: actor, at: date),
                from: stage, in: db)
            try logUpsert(repID: rep, leadID: lead, at: date, in: db)

        case .convert:
            guard StageTransitionTable.allows(from: stage, to: .converted, trigger: .convert) else {
                return .rejected(.invalidTransition)
            }
            try recordTransition(
                StageTransitionRequest(
                    leadID: mutation.leadID, to: .converted, trigger: .convert, actor: actor, at: date),
                from: stage, in: db)
            try leaveScope(repID: rep, leadID: lead, reason: .converted, at: date, in: db)

        case .reject(let reasonText, let note, let reentryDate):
            guard let reason = ReasonCode(rawValue: reasonText) else { return .rejected(.unknownReason) }
            let entry = reason.entry
            let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            if entry.requiresNote, trimmedNote?.isEmpty ?? true { return .rejected(.noteRequired) }
            let target = entry.disposition.targetStage
            let trigger = entry.disposition.trigger
            guard StageTransitionTable.allows(from: stage, to: target, trigger: trigger) else {
                return .rejected(.invalidTransition)
            }
            try recordTransition(
                StageTransitionRequest(
                    leadID: mutation.leadID, to: target, trigger: trigger, actor: actor, at: date, reason: reason,
                    note: trimmedNote?.isEmpty == false ? trimmedNote : nil),
                from: stage, in: db)
            switch entry.disposition {
            case .recycle(let coolDownDays):
                let until =
                    entry.acceptsReentryDate
                    ? reentryDate ?? date + Double(coolDownDays) * 86_400
                    : date + Double(coolDownDays) * 86_400
                try db.execute(
                    sql: """
                        INSERT INTO lead_cool_down (lead_id, until) VALUES (?, ?)
                        ON CONFLICT (lead_id) DO UPDATE SET until = excluded.until
                        """,
                    arguments: [lead, until.timeIntervalSince1970])
                try leaveScope(repID: rep, leadID: lead, reason: .recycled, at: date, in: db)
            case .disqualify:
                try leaveScope(repID: rep, leadID: lead, reason: .disqualified, at: date, in: db)
            }

        case .addNote(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return .rejected(.invalidMutation) }
            try db.execute(
                sql: "INSERT INTO rep_note (lead_id, rep_id, text, created_at) VALUES (?, ?, ?, ?)",
                arguments: [lead, rep, text, date.timeIntervalSince1970])
            try logUpsert(repID: rep, leadID: lead, at: date, in: db)

        case .correctContact(let correction):
            guard !correction.isEmpty else { return .rejected(.invalidMutation) }
            let fields: [(column: String, value: String?)] = [
                ("first_name", correction.firstName), ("last_name", correction.lastName),
                ("phone", correction.phone), ("title", correction.title), ("company", correction.company),
            ]
            let trimmedEmail = correction.email?.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmedEmail?.isEmpty == true { return .rejected(.invalidMutation) }
            var assignments: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            for field in fields {
                guard let value = field.value else { continue }
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { return .rejected(.invalidMutation) }
                assignments.append("\(field.column) = ?")
                arguments.append(trimmed)
            }
            if let trimmedEmail {
                let email = EmailAddress(trimmedEmail)
                assignments += ["email = ?", "email_normalized = ?", "email_valid = ?"]
                arguments += [email.address, email.normalized, email.isValid]
            }
            assignments.append("updated_at = ?")
            arguments += [date.timeIntervalSince1970, lead]
            try db.execute(
                sql: "UPDATE lead SET \(assignments.joined(separator: ", ")) WHERE id = ?",
                arguments: StatementArguments(arguments))
            try logUpsert(repID: rep, leadID: lead, at: date, in: db)
        }
        return .applied
    }

    /// Drops the owner and logs the removal.
    private static func leaveScope(
        repID: String, leadID: String, reason: RemovalReason, at date: Date, in db: Database
    ) throws {
        try db.cachedStatement(sql: "DELETE FROM lead_assignment WHERE lead_id = ?").execute(arguments: [leadID])
        try logRemoval(repID: repID, leadID: leadID, reason: reason, at: date, in: db)
    }

    private static func outcomeText(_ outcome: PushOutcome) -> String {
        switch outcome {
        case .applied: return "applied"
        case .duplicate: return "duplicate"
        case .rejected(let code): return code.rawValue
        }
    }

    /// FNV-1a 64 over a canonical serialisation of the mutation's lead and intent, as 16
    /// lower-case hex digits: equal payloads, equal hashes. The serialisation is the lead id, the
    /// intent's name and its fields in a fixed order, each field length-prefixed (absent fields
    /// as `-`), so no two payloads share it. Dates are their seconds since 1970 in full precision.
    static func payloadHash(of mutation: Mutation) -> String {
        var fields: [String?] = [mutation.leadID.description, mutation.intent.name]
        switch mutation.intent {
        case .accept, .convert: break
        case .reject(let reason, let note, let reentryDate):
            fields += [reason, note, reentryDate.map { "\($0.timeIntervalSince1970)" }]
        case .addNote(let text): fields.append(text)
        case .correctContact(let correction):
            fields += [
                correction.firstName, correction.lastName, correction.email, correction.phone, correction.title,
                correction.company,
            ]
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        for field in fields {
            if let field {
                mix("\(field.utf8.count):".utf8)
                mix(field.utf8)
            } else {
                mix("-".utf8)
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
