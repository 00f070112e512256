import Foundation
import LeadModel
import LocalStore
import SyncProtocol
import Testing

/// The device store on an in-memory database with the production migrations.
@Suite("Local store")
struct LocalStoreTests {
    let database: LocalDatabase
    let epoch = UUID()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        database = try LocalDatabase.inMemory()
        try database.logIn(serverURL: "http://127.0.0.1:1", token: "secret")
    }

    func lead(_ id: LeadID = LeadID(), version: Int64, score: Double?, stage: LifecycleStage = .assigned) -> SyncedLead
    {
        SyncedLead(
            leadID: id, version: version, firstName: "Ada", lastName: "L\(version)", company: "Engines", stage: stage,
            scoreTotal: score, grade: .b,
            topContributions: [ScoreContribution(ruleID: "r", label: "Visited pricing", points: 10, kind: .engagement)],
            assignedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(version)))
    }

    func page(_ sequence: Int64, upserts: [SyncedLead], removals: [LeadRemoval] = [], hasMore: Bool = false)
        -> PullPage
    {
        PullPage(
            cursor: SyncCursor(epoch: epoch, sequence: sequence), hasMore: hasMore, upserts: upserts,
            removals: removals,
            scopeCount: 0, scopeHash: "0000000000000000")
    }

    @Test func aPageAndItsCursorAreCommittedTogether() async throws {
        let leads = [lead(version: 1, score: 10), lead(version: 2, score: 30), lead(version: 3, score: nil)]
        try await database.apply(page(3, upserts: leads))
        #expect(try await database.cursor() == SyncCursor(epoch: epoch, sequence: 3))
        #expect(try database.leadCount() == 3)
        #expect(try await database.localDigest() == ScopeDigest(leads.map { ($0.leadID, $0.version) }))
        let ranked = try database.leads(sort: .score)
        #expect(ranked.map(\.lead.scoreTotal) == [30, 10, nil])
        #expect(try database.leads(sort: .age).map(\.lead.version) == [1, 2, 3])
        #expect(try database.leads(limit: 1).count == 1)
    }

    @Test func aFailedPageLeavesRowsAndCursorUnchanged() async throws {
        try await database.apply(page(1, upserts: [lead(version: 1, score: 1)]))
        // A row breaking a CHECK (a negative version): the error names the lead, nothing is kept.
        let bad = lead(version: -1, score: 5)
        let error = await #expect(throws: LeadNotStorable.self) {
            try await database.apply(page(3, upserts: [lead(version: 2, score: 2), bad]))
        }
        #expect(error?.leadID == bad.leadID)
        #expect(error?.detail.contains("CHECK constraint failed") == true)
        #expect(error?.description.contains(bad.leadID.description) == true)
        #expect(try database.leadCount() == 1)
        #expect(try await database.cursor()?.sequence == 1)
    }

    /// A page pulled for another rep than the device's is refused whole; the first page that
    /// names a rep tells a device that did not know its rep.
    @Test func aPageOfAnotherRepIsRefusedWhole() async throws {
        let owner = RepID()
        var first = page(1, upserts: [lead(version: 1, score: 1)])
        first.repID = owner
        try await database.apply(first)
        #expect(try database.session()?.repID == owner)
        var foreign = page(2, upserts: [lead(version: 2, score: 2)])
        let stranger = RepID()
        foreign.repID = stranger
        await #expect(throws: LocalStoreError.anotherRepsPage(owner: owner, page: stranger)) {
            try await database.apply(foreign)
        }
        #expect(try database.leadCount() == 1)
        #expect(try await database.cursor()?.sequence == 1)
    }

    /// A page holding a lead in a stage outside the rep's scope (a lead recycled after the upsert
    /// the server served) is applied, that lead as its removal: the device never wedges on it.
    @Test func anUpsertOutsideTheScopeIsAppliedAsItsRemoval() async throws {
        let kept = lead(version: 1, score: 1)
        let recycled = lead(version: 2, score: 2)
        try await database.apply(page(2, upserts: [kept, recycled]))
        let left = [
            lead(recycled.leadID, version: 3, score: 3, stage: .recycled),
            lead(version: 4, score: 4, stage: .converted), lead(version: 5, score: 5, stage: .mql),
        ]
        try await database.apply(page(5, upserts: left))
        #expect(try database.leadCount() == 1)
        #expect(try database.removal(of: recycled.leadID) == .recycled)
        #expect(try database.removal(of: left[1].leadID) == .converted)
        #expect(try database.removal(of: left[2].leadID) == .reassigned)
        #expect(try await database.cursor()?.sequence == 5)
    }

    @Test func removalsDeleteTheLeadAndKeepTheReason() async throws {
        let kept = lead(version: 1, score: 1)
        let gone = lead(version: 2, score: 2)
        try await database.apply(page(2, upserts: [kept, gone]))
        try await database.apply(
            page(3, upserts: [], removals: [LeadRemoval(leadID: gone.leadID, reason: .reassigned)]))
        #expect(try database.leadCount() == 1)
        #expect(try database.removal(of: gone.leadID) == .reassigned)
        #expect(try database.removalCounts() == [.reassigned: 1])
    }

    @Test func outboxRowsMoveOnlyOnTheServersAnswer() async throws {
        let target = lead(version: 1, score: 1)
        try await database.apply(page(1, upserts: [target]))
        let first = try database.enqueue(.accept, leadID: target.leadID, leadLabel: "Ada", at: now)
        let second = try database.enqueue(.rejecting(.noBudget), leadID: target.leadID, leadLabel: "Ada", at: now)
        let third = try database.enqueue(.addNote(text: "hi"), leadID: target.leadID, leadLabel: "Ada", at: now)
        #expect([first.mutationID, second.mutationID, third.mutationID] == [1, 2, 3])
        #expect(try await database.lastQueuedMutationID() == 3)
        #expect(try await database.unsentMutations(upTo: 2, limit: 10).map(\.mutationID) == [1, 2])
        try await database.markSent([1, 2, 3], at: now)
        #expect(try database.outbox().map(\.state) == [.sent, .sent, .sent])
        try await database.recordResults(
            [
                PushResult(mutationID: 1, outcome: .applied),
                PushResult(mutationID: 2, outcome: .rejected(.notAssigned)),
                PushResult(mutationID: 3, outcome: .rejected(.gap)),
            ], at: now)
        let outbox = try database.outbox()
        #expect(outbox.map(\.state) == [.applied, .refused, .sent])
        #expect(outbox[1].refusalCode == .notAssigned)
        #expect(try await database.unsentMutations(upTo: 3, limit: 10).map(\.mutationID) == [3])
    }

    @Test func pendingVerdictChangesTheStageTheRepSees() async throws {
        let target = lead(version: 1, score: 1)
        try await database.apply(page(1, upserts: [target]))
        try database.enqueue(.rejecting(.competitor), leadID: target.leadID, leadLabel: "Ada", at: now)
        let local = try database.lead(matching: String(target.leadID.description.prefix(6)))
        #expect(local.effectiveStage == .disqualified)
        #expect(try database.leads(stage: .assigned).isEmpty)
        #expect(try database.leads(stage: .disqualified).count == 1)
    }

    @Test func resetKeepsTheOutboxAndWipeDropsEverything() async throws {
        let target = lead(version: 1, score: 1)
        try await database.apply(page(1, upserts: [target]))
        try database.enqueue(.accept, leadID: target.leadID, leadLabel: "Ada", at: now)
        try await database.resetReplica()
        #expect(try database.leadCount() == 0)
        #expect(try await database.cursor() == nil)
        #expect(try database.outbox().count == 1)
        let clientID = try database.session()?.clientID
        try database.logIn(serverURL: "http://127.0.0.1:1", token: "new")
        #expect(try database.session()?.clientID == clientID)
        try database.wipe()
        #expect(try database.session() == nil)
        #expect(try database.outbox().isEmpty)
    }

    @Test func leadPrefixMustBeUnique() async throws {
        let a = LeadID(uuidString: "aaaaaaaa-0000-4000-8000-000000000001")!
        let b = LeadID(uuidString: "aaaaaaaa-0000-4000-8000-000000000002")!
        try await database.apply(page(2, upserts: [lead(a, version: 1, score: 1), lead(b, version: 2, score: 2)]))
        #expect(throws: LocalStoreError.ambiguousLead("aaaa", matches: 2)) { try database.lead(matching: "aaaa") }
        #expect(throws: LocalStoreError.noSuchLead("bbbb")) { try database.lead(matching: "bbbb") }
        #expect(try database.lead(matching: "AAAAAAAA-0000-4000-8000-000000000002").lead.leadID == b)
        #expect(throws: LocalStoreError.noSuchLead("%")) { try database.lead(matching: "%") }
    }

    @Test func aFileStoreKeepsItsDataAcrossOpens() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("local-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(LocalDatabase.fileName).path
        do {
            let file = try LocalDatabase(path: path)
            try file.logIn(serverURL: "http://x:1", token: "t")
            try await file.apply(page(1, upserts: [lead(version: 1, score: 1)]))
        }
        let reopened = try LocalDatabase(path: path)
        #expect(try reopened.leadCount() == 1)
        #expect(try reopened.session()?.token == "t")
    }
}
