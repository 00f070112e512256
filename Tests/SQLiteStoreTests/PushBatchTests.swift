import Foundation
import GRDB
import LeadModel
import StoreContract
import SyncProtocol
import Testing

@testable import SQLiteStore

/// A push applied as one batch (``PushBatch``, ``ChangeLogBatch``): the effects of every mutation,
/// one change-log row per touched lead written after the loop, the idempotency bookkeeping once per
/// batch. Each test asserts the stored rows, not only the answers.
@Suite("Push batches")
struct PushBatchTests {
    /// One change-log row as stored.
    struct LogRow: Equatable, CustomStringConvertible {
        var seq: Int64
        var leadID: LeadID
        var kind: String
        var removalReason: String?
        var digest: ScopeDigest

        var description: String { "\(seq) \(leadID) \(kind) \(removalReason ?? "-") \(digest)" }
    }

    let store: SQLiteLeadStore
    let rep = RepID()
    let t1 = StoreFixtures.t0 + 3_600

    init() throws {
        store = try StoreFixtures.store()
        try store.addRep(Rep(id: rep, name: "Rita One", email: EmailAddress("r1@example.com")))
    }

    /// `count` leads assigned to the rep (each assignment logs one upsert).
    func assignedLeads(_ count: Int) throws -> [LeadID] {
        let leads = (0..<count).map { StoreFixtures.lead(externalID: "batch-\($0)", email: "batch\($0)@example.com") }
        try StoreFixtures.importRun(store, leads)
        for lead in leads {
            try store.transition(
                .init(leadID: lead.id, to: .mql, trigger: .score, actor: "system:scoring", at: StoreFixtures.t0))
            try store.assign(leadID: lead.id, to: rep, actor: "admin:test", at: StoreFixtures.t0)
        }
        return leads.map(\.id)
    }

    func push(_ intents: [(LeadID, MutationIntent)], firstID: Int64, client: String = "d1") throws -> [PushOutcome] {
        try push(intents.enumerated().map { (firstID + Int64($0.offset), $0.element.0, $0.element.1) }, client: client)
    }

    func push(_ mutations: [(Int64, LeadID, MutationIntent)], client: String = "d1") throws -> [PushOutcome] {
        try store.applyPush(
            repID: rep, clientID: client,
            mutations: mutations.map { Mutation(clientID: client, mutationID: $0.0, leadID: $0.1, intent: $0.2) },
            at: t1
        ).map(\.outcome)
    }

    func logRows(after seq: Int64 = 0) throws -> [LogRow] {
        try store.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, lead_id, kind, removal_reason, scope_count, scope_hash FROM change_log
                    WHERE rep_id = ? AND seq > ? ORDER BY seq
                    """,
                arguments: [rep.description, seq]
            ).map { row in
                LogRow(
                    seq: row[0], leadID: LeadID(uuidString: row[1])!, kind: row[2], removalReason: row[3],
                    digest: ScopeDigest(count: row[4], hash: UInt64(bitPattern: row[5])))
            }
        }
    }

    func lastSeq() throws -> Int64 { try logRows().last?.seq ?? 0 }

    func lastAppliedID(client: String = "d1") throws -> Int64? {
        try store.writer.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT last_applied_id FROM client_binding WHERE client_id = ?", arguments: [client])
        }
    }

    /// The outcome recorded for each mutation id, from the client's runs (one row per push).
    func recordedOutcomes(client: String = "d1") throws -> [Int64: String] {
        try store.writer.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db,
                    sql: """
                        SELECT first_mutation_id + CAST(o.key AS INTEGER), o.value
                        FROM client_mutation_batch, json_each(outcomes) AS o WHERE client_id = ?
                        """,
                    arguments: [client]
                ).map { ($0[0] as Int64, $0[1] as String) })
        }
    }

    func stageChanges() throws -> Int {
        try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM stage_change")! }
    }

    /// The scope a device holds after pulling everything, with the digest the last page carries.
    func pulledScope() throws -> (leads: [LeadID: Int64], digest: ScopeDigest) {
        let page = try store.changes(repID: rep, after: 0, limit: 5_000, includeRemovals: false)
        #expect(!page.hasMore)
        let leads = Dictionary(uniqueKeysWithValues: page.upserts.map { ($0.leadID, $0.version) })
        return (leads, ScopeDigest(count: page.scopeCount, hashText: page.scopeHash)!)
    }

    @Test func aLeadTouchedTwiceInOneBatchGetsOneChangeLogRowWithItsLatestChange() throws {
        let leads = try assignedLeads(4)
        let before = try lastSeq()
        let outcomes = try push(
            [
                (leads[0], .addNote(text: "called, interested")), (leads[1], .accept), (leads[0], .accept),
                (leads[1], .convert), (leads[2], .rejecting(.noBudget, note: "next year")),
                (leads[0], .addNote(text: "demo booked")),
            ],
            firstID: 1)
        #expect(outcomes == Array(repeating: .applied, count: 6))

        // Every effect is stored: stages, history rows (one per move), notes, owners, cool-down.
        #expect(try store.lead(id: leads[0])?.stage == .accepted)
        #expect(try store.lead(id: leads[1])?.stage == .converted)
        #expect(try store.lead(id: leads[2])?.stage == .recycled)
        #expect(try store.lead(id: leads[3])?.stage == .assigned)
        #expect(try store.stageHistory(leadID: leads[1]).suffix(2).map(\.to) == [.accepted, .converted])
        #expect(try store.stageHistory(leadID: leads[1]).suffix(2).map(\.actor) == ["rep:\(rep)", "rep:\(rep)"])
        let recycled = try #require(try store.stageHistory(leadID: leads[2]).last)
        #expect(recycled.trigger == .rejectRecyclable && recycled.reason == .noBudget && recycled.note == "next year")
        #expect(try store.coolDownEnd(leadID: leads[2]) == t1 + 30 * 86_400)
        #expect(try store.notes(leadID: leads[0]).map(\.text) == ["called, interested", "demo booked"])
        #expect(try store.owner(of: leads[0]) == rep)
        #expect(try store.owner(of: leads[1]) == nil && store.owner(of: leads[2]) == nil)

        // One row per touched lead, in first-touch order, each with its latest kind; lead 3 none.
        let rows = try logRows(after: before)
        #expect(rows.map(\.seq) == [before + 1, before + 2, before + 3])
        #expect(rows.map(\.leadID) == [leads[0], leads[1], leads[2]])
        #expect(rows.map(\.kind) == ["upsert", "removal", "removal"])
        #expect(rows.map(\.removalReason) == [nil, "converted", "recycled"])
        // The digests carried through the rows: two leads left, lead 0 moved to its new sequence.
        #expect(rows.map(\.digest.count) == [4, 3, 2])
        let assignedAt = try Dictionary(
            uniqueKeysWithValues: logRows().filter { $0.seq <= before }.map { ($0.leadID, $0.seq) })
        let expected = ScopeDigest([
            (leadID: leads[0], version: before + 1), (leadID: leads[3], version: assignedAt[leads[3]]!),
        ])
        #expect(rows.last?.digest == expected)
        #expect(try store.scopeDigest(repID: rep) == expected)
        let device = try pulledScope()
        #expect(device.leads == [leads[0]: before + 1, leads[3]: assignedAt[leads[3]]!])
        #expect(ScopeDigest(device.leads.map { (leadID: $0.key, version: $0.value) }) == device.digest)
        #expect(try lastAppliedID() == 6)
    }

    @Test func aRefusedMutationInTheMiddleAdvancesTheIdAndLogsNothingForItsLead() throws {
        let leads = try assignedLeads(3)
        let before = try lastSeq()
        let history = try stageChanges()
        let outcomes = try push(
            [
                (leads[0], .accept), (leads[1], .reject(reason: "too_expensive", note: nil, reentryDate: nil)),
                (leads[2], .convert), (leads[2], .accept),
            ],
            firstID: 10)
        #expect(outcomes == [.applied, .rejected(.unknownReason), .rejected(.invalidTransition), .applied])
        #expect(try store.lead(id: leads[1])?.stage == .assigned)
        #expect(try store.lead(id: leads[2])?.stage == .accepted)
        #expect(try stageChanges() == history + 2)
        #expect(try lastAppliedID() == 13)
        #expect(
            try recordedOutcomes() == [
                10: "applied", 11: "unknown_reason", 12: "invalid_transition", 13: "applied",
            ])
        let rows = try logRows(after: before)
        #expect(rows.map(\.leadID) == [leads[0], leads[2]])
        #expect(rows.map(\.kind) == ["upsert", "upsert"])
        #expect(rows.map(\.digest.count) == [3, 3])
        // The queue moves on at the next id.
        #expect(try push([(leads[1], .rejecting(.noNeed))], firstID: 14) == [.applied])
        #expect(try logRows(after: before).map(\.kind) == ["upsert", "upsert", "removal"])
    }

    @Test func aBatchSentAgainIsAllDuplicatesAndWritesNothing() throws {
        let leads = try assignedLeads(3)
        let batch: [(LeadID, MutationIntent)] = [
            (leads[0], .accept), (leads[1], .addNote(text: "left a voicemail")), (leads[2], .rejecting(.spam)),
        ]
        #expect(try push(batch, firstID: 1) == [.applied, .applied, .applied])
        let seq = try lastSeq()
        let history = try stageChanges()
        let digest = try store.scopeDigest(repID: rep)

        #expect(try push(batch, firstID: 1) == [.duplicate, .duplicate, .duplicate])
        #expect(try lastSeq() == seq)
        #expect(try stageChanges() == history)
        #expect(try store.notes(leadID: leads[1]).count == 1)
        #expect(try store.scopeDigest(repID: rep) == digest)
        #expect(try lastAppliedID() == 3)
        #expect(try recordedOutcomes() == [1: "applied", 2: "applied", 3: "applied"])

        // The same ids with other payloads are conflicts; an id repeated inside one batch is a
        // duplicate of the first (same payload) or a conflict (another payload).
        #expect(try push([(leads[1], .accept)], firstID: 2) == [.rejected(.conflict)])
        #expect(
            try push([
                (4, leads[1], .addNote(text: "again")), (4, leads[1], .addNote(text: "again")),
                (5, leads[0], .accept), (5, leads[0], .convert),
            ]) == [.applied, .duplicate, .rejected(.invalidTransition), .rejected(.conflict)])
        #expect(try store.notes(leadID: leads[1]).map(\.text) == ["left a voicemail", "again"])
        #expect(try store.lead(id: leads[0])?.stage == .accepted)
        #expect(try lastAppliedID() == 5)
        #expect(try logRows(after: seq).map(\.leadID) == [leads[1]])
    }

    @Test func eachPushRecordsOneRunAndOnlyRunsOlderThanTheLastThousandIdsArePruned() throws {
        let leads = try assignedLeads(1)
        for push in 0..<12 {
            let notes = (0..<100).map { (leads[0], MutationIntent.addNote(text: "call \(push * 100 + $0 + 1)")) }
            #expect(try self.push(notes, firstID: Int64(push * 100 + 1)) == Array(repeating: .applied, count: 100))
        }
        // Twelve pushes, twelve runs; at last applied id 1,200 the runs ending at or below 200 went.
        let runs = try store.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT first_mutation_id, last_mutation_id, length(payload_hashes) FROM client_mutation_batch
                    ORDER BY last_mutation_id
                    """
            ).map { "\($0[0] as Int64)-\($0[1] as Int64):\($0[2] as Int)" }
        }
        #expect(runs == stride(from: 201, to: 1_201, by: 100).map { "\($0)-\($0 + 99):1600" })
        // An id in the middle of a kept run: its own payload is a duplicate, another a conflict.
        #expect(try push([(leads[0], .addNote(text: "call 250"))], firstID: 250) == [.duplicate])
        #expect(try push([(leads[0], .addNote(text: "call 251"))], firstID: 250) == [.rejected(.conflict)])
        #expect(try push([(leads[0], .accept)], firstID: 1_200) == [.rejected(.conflict)])
        // An id of a pruned run is answered duplicate without a comparison.
        #expect(try push([(leads[0], .accept)], firstID: 150) == [.duplicate])
        #expect(try store.notes(leadID: leads[0]).count == 1_200)
    }

    @Test func aGapIsRefusedAndRecordsNothing() throws {
        let leads = try assignedLeads(2)
        #expect(try push([(leads[0], .addNote(text: "first"))], firstID: 3) == [.applied])
        let seq = try lastSeq()
        let history = try stageChanges()

        #expect(try push([(5, leads[0], .accept), (6, leads[1], .accept)]) == [.rejected(.gap), .rejected(.gap)])
        #expect(try lastAppliedID() == 3)
        #expect(try recordedOutcomes() == [3: "applied"])
        #expect(try lastSeq() == seq)
        #expect(try stageChanges() == history)
        #expect(try store.lead(id: leads[0])?.stage == .assigned)

        #expect(
            try push([(4, leads[0], .accept), (5, leads[1], .accept), (7, leads[1], .convert)]) == [
                .applied, .applied, .rejected(.gap),
            ])
        #expect(try lastAppliedID() == 5)
        #expect(try logRows(after: seq).map(\.leadID) == [leads[0], leads[1]])
        #expect(try store.lead(id: leads[1])?.stage == .accepted)
    }

    @Test func aRejectNoteWithQuotesBackslashesAndControlCharactersIsStoredAsWritten() throws {
        let leads = try assignedLeads(2)
        let note = "He said \"call me\" \\ back\nnext week\t— ok? \u{01}\u{1F}é😀 end"
        #expect(
            try push([(leads[0], .rejecting(.other, note: note)), (leads[1], .rejecting(.badTiming))], firstID: 1)
                == [.applied, .applied])
        let history = try #require(try store.stageHistory(leadID: leads[0]).last)
        #expect(history.note == note && history.reason == .other && history.to == .recycled)
        #expect(try store.stageHistory(leadID: leads[1]).last?.note == nil)
    }

    @Test func pushesAppliedTogetherShareOneTransactionAndAFailingPushLeavesNoTrace() throws {
        let leads = try assignedLeads(4)
        let otherRep = RepID()
        try store.addRep(Rep(id: otherRep, name: "Otto Two", email: EmailAddress("r2@example.com")))
        // "d2" belongs to the other rep from here on.
        #expect(try store.applyPush(repID: otherRep, clientID: "d2", mutations: [], at: t1) == [])
        let before = try lastSeq()
        let history = try stageChanges()
        func pending(_ client: String, _ mutations: [(Int64, LeadID, MutationIntent)], rep: RepID? = nil)
            -> PendingPush
        {
            PendingPush(
                repID: rep ?? self.rep, clientID: client,
                mutations: mutations.map { Mutation(clientID: client, mutationID: $0.0, leadID: $0.1, intent: $0.2) })
        }

        let outcomes = try store.applyPushes(
            [
                pending("d1", [(1, leads[0], .accept), (2, leads[1], .rejecting(.noNeed))]),
                // Bound to the other rep: refused as a whole, nothing of it kept.
                pending("d2", [(1, leads[2], .accept), (2, leads[3], .convert)]),
                // Unknown rep: refused as a whole too.
                pending("d3", [(1, leads[2], .accept)], rep: RepID()),
                // The same client again, resent and continued: sees the first push's effects.
                pending("d1", [(2, leads[1], .rejecting(.noNeed)), (3, leads[0], .convert), (4, leads[2], .accept)]),
            ], at: t1)
        #expect(outcomes.count == 4)
        #expect(try outcomes[0].get().results.map(\.outcome) == [.applied, .applied])
        #expect(throws: SyncError.forbidden) { try outcomes[1].get() }
        #expect(throws: LeadStoreError.self) { try outcomes[2].get() }
        #expect(try outcomes[3].get().results.map(\.outcome) == [.duplicate, .applied, .applied])
        #expect(try outcomes[0].get().lastAppliedBefore == 0)
        #expect(try outcomes[3].get().lastAppliedBefore == 2)

        #expect(try store.lead(id: leads[0])?.stage == .converted)
        #expect(try store.lead(id: leads[1])?.stage == .recycled)
        #expect(try store.lead(id: leads[2])?.stage == .accepted)
        #expect(try store.lead(id: leads[3])?.stage == .assigned)
        #expect(try stageChanges() == history + 4)
        #expect(try lastAppliedID() == 4)
        #expect(try lastAppliedID(client: "d3") == nil)
        #expect(try recordedOutcomes(client: "d2").isEmpty)
        // The second push's rows follow the first's: sequences in commit order, digests chained.
        let rows = try logRows(after: before)
        #expect(rows.map(\.seq) == [before + 1, before + 2, before + 3, before + 4])
        #expect(rows.map(\.leadID) == [leads[0], leads[1], leads[0], leads[2]])
        #expect(rows.map(\.kind) == ["upsert", "removal", "removal", "upsert"])
        #expect(rows.map(\.digest.count) == [4, 3, 2, 2])
        let device = try pulledScope()
        #expect(Set(device.leads.keys) == [leads[2], leads[3]])
        #expect(device.digest == rows.last?.digest)
        #expect(try store.scopeDigest(repID: rep) == rows.last?.digest)
    }

    /// Found by schemathesis: a client whose last applied id was Int64.max crashed the server on
    /// its next push (the next id, `last + 1`, overflowed).
    @Test func aClientAtTheLargestIdIsAnsweredNotCrashed() throws {
        let leads = try assignedLeads(2)
        #expect(try push([(Int64.max, leads[0], .accept)]) == [.applied])
        #expect(try push([(Int64.max, leads[0], .accept), (1, leads[1], .accept)]) == [.duplicate, .duplicate])
        #expect(try lastAppliedID() == Int64.max)
        #expect(try store.lead(id: leads[1])?.stage == .assigned)
    }
}
