public import Foundation
import GRDB
public import LeadModel
public import SyncProtocol

extension LocalDatabase {
    /// Queues a mutation in the outbox, numbered with the next mutation id, in one transaction.
    /// - Parameters:
    ///   - intent: what the rep did.
    ///   - leadID: the lead it acts on.
    ///   - leadLabel: the lead's display label, kept for output after the lead leaves the device.
    ///   - date: when (device time).
    ///   - expectedStage: for a verdict, the lead's stage as the rep saw it (``Mutation/expectedStage``).
    /// - Returns: the queued mutation.
    /// - Throws: ``LocalStoreError/notLoggedIn`` when no session exists, or a GRDB `DatabaseError`.
    @discardableResult
    public func enqueue(
        _ intent: MutationIntent, leadID: LeadID, leadLabel: String, at date: Date,
        expectedStage: LifecycleStage? = nil
    ) throws -> Mutation {
        try writer.write { db in
            guard let session = try Self.session(db) else { throw LocalStoreError.notLoggedIn }
            let mutation = Mutation(
                clientID: session.clientID, mutationID: session.nextMutationID, leadID: leadID, intent: intent,
                expectedStage: expectedStage)
            try db.execute(
                sql: """
                    INSERT INTO outbox (mutation_id, lead_id, intent, payload, lead_label, queued_at, expected_stage)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    mutation.mutationID, leadID.description, intent.name, try JSONEncoder().encode(intent), leadLabel,
                    date.timeIntervalSince1970, expectedStage?.rawValue,
                ])
            try db.execute(sql: "UPDATE sync_state SET next_mutation_id = next_mutation_id + 1 WHERE singleton = 1")
            return mutation
        }
    }

    /// Outbox rows, oldest first.
    /// - Parameters:
    ///   - states: keeps only rows in these states; all when empty.
    ///   - leadID: keeps only rows for this lead; all when `nil`.
    /// - Throws: ``LocalStoreError/corruptRow(table:detail:)`` or a GRDB `DatabaseError`.
    public func outbox(states: Set<OutboxState> = [], leadID: LeadID? = nil) throws -> [OutboxEntry] {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if !states.isEmpty {
                conditions.append("state IN (\(states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")))")
            }
            if let leadID {
                conditions.append("lead_id = ?")
                arguments += [leadID.description]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let clientID = try String.fetchOne(db, sql: "SELECT client_id FROM sync_state") ?? ""
            let decoder = JSONDecoder()
            return try Row.fetchAll(
                db, sql: "SELECT * FROM outbox \(filter) ORDER BY mutation_id", arguments: arguments
            )
            .map { try Self.outboxEntry($0, clientID: clientID, decoder: decoder) }
        }
    }

    /// Decodes an outbox row.
    static func outboxEntry(_ row: Row, clientID: String, decoder: JSONDecoder) throws -> OutboxEntry {
        let id: Int64 = row["mutation_id"]
        guard let leadID = LeadID(uuidString: row["lead_id"]), let state = OutboxState(rawValue: row["state"]) else {
            throw LocalStoreError.corruptRow(table: "outbox", detail: "mutation \(id): bad lead id or state")
        }
        let intent: MutationIntent
        do {
            intent = try decoder.decode(MutationIntent.self, from: row["payload"] as Data)
        } catch {
            throw LocalStoreError.corruptRow(table: "outbox", detail: "mutation \(id): \(error)")
        }
        let code: String? = row["refusal_code"]
        let expected: String? = row["expected_stage"]
        let sent: Double? = row["sent_at"]
        let answered: Double? = row["answered_at"]
        return OutboxEntry(
            mutation: Mutation(
                clientID: clientID, mutationID: id, leadID: leadID, intent: intent,
                expectedStage: expected.flatMap(LifecycleStage.init(rawValue:))), state: state,
            refusalCode: code.flatMap(MutationRejectionCode.init(rawValue:)), leadLabel: row["lead_label"],
            queuedAt: Date(timeIntervalSince1970: row["queued_at"]),
            sentAt: sent.map(Date.init(timeIntervalSince1970:)),
            answeredAt: answered.map(Date.init(timeIntervalSince1970:)))
    }
}
