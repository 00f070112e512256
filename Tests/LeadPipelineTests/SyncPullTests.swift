import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

@Suite("Sync pull")
struct SyncPullTests {
    @Test func firstPullDeliversTheRepsAssignedLeadsWithScoreAndExplanation() throws {
        let world = try SyncWorld()
        let mine = try world.assignedLeads(3, to: world.r1)
        _ = try world.assignedLeads(2, to: world.r2, prefix: "other")
        let version = try world.store.saveScoringModel(
            document: "{}", createdBy: "admin:mo", note: nil, at: SyncWorld.t0)
        let contributions = (1...7).map {
            ScoreContribution(ruleID: "r\($0)", label: "Rule \($0)", points: Double(10 - $0), kind: .fit)
        }
        try world.store.saveScores([
            LeadScore(
                leadID: mine[0], fit: 42, engagement: 18, total: 60, grade: .b, qualified: true,
                modelVersion: version, contributions: contributions, scoredAt: SyncWorld.t0)
        ])

        var device = Replica()
        try world.pullAll(&device, rep: world.r1)
        #expect(Set(device.leads.keys) == Set(mine))
        let scored = try #require(device.leads[mine[0]])
        #expect(scored.scoreTotal == 60 && scored.fitScore == 42 && scored.engagementScore == 18)
        #expect(scored.grade == .b && scored.modelVersion == version)
        #expect(scored.topContributions == Array(contributions.prefix(5)))
        #expect(scored.stage == .assigned && scored.assignedAt == SyncWorld.t0)
        #expect(scored.email == "lead0@example.com" && scored.company == "Acme 0")
        #expect(device.digestMismatches == 0)
        #expect(device.digest == (try world.store.scopeDigest(repID: world.r1)))
    }

    /// Pages of 100 over a log where leads left the scope after their upserts (a reassignment, a
    /// recycle): no page carries such a lead as an upsert (issue 14 item 1: the device's CHECK
    /// refused a `recycled` upsert on every sync), and the last page's digest is the copy's.
    @Test func pagedPullNeverServesALeadOutsideTheScopeAndEndsOnTheScopeHash() throws {
        let world = try SyncWorld()
        let leads = try world.assignedLeads(1_234, to: world.r1)
        // Changes after the assignments: a reassignment away, notes, a recycle.
        try world.assignment.assign(leads[10], to: world.r2, actor: "admin:test")
        _ = try world.push(
            world.r1, client: "d1",
            [(leads[20], .addNote(text: "called")), (leads[30], .rejecting(.noBudget)), (leads[40], .accept)],
            firstID: 1)

        var device = Replica()
        try world.pullAll(&device, rep: world.r1, limit: 100)
        #expect(device.pages >= 13)
        #expect(device.outOfScopeUpserts == 0)
        #expect(device.digestMismatches == 0)
        #expect(device.leads.count == 1_232)
        #expect(device.leads[leads[10]] == nil && device.leads[leads[30]] == nil)
        #expect(device.leads[leads[20]]?.notes.map(\.text) == ["called"])
        #expect(device.leads[leads[40]]?.stage == .accepted)
        let server = try world.store.scopeDigest(repID: world.r1)
        #expect(device.digest == server && server.count == 1_232)

        // Nothing new: one empty page with the same cursor and digest.
        let again = try world.sync.pull(repID: world.r1, PullRequest(cursor: device.cursor))
        #expect(again.upserts.isEmpty && again.removals.isEmpty && !again.hasMore)
        #expect(again.cursor == device.cursor && again.scopeDigest == server)
    }

    /// S2: writes land while a device pulls in small pages; every page's digest matches the copy
    /// (the cursor never passes what the page read) and the next pulls bring every change.
    @Test(.timeLimit(.minutes(1)))
    func changesDuringAPullArriveInTheNextPull() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadrelay-s2-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteLeadStore(path: folder.appendingPathComponent("server.sqlite").path)
        let world = try SyncWorld(store: store)
        let leads = try world.mqlLeads(300)
        for id in leads.prefix(100) { try world.assignment.assign(id, to: world.r1, actor: "admin:test") }

        let done = Flag()
        let writer = Task.detached {
            defer { done.set() }
            for id in leads.dropFirst(100) {
                try world.assignment.assign(id, to: world.r1, actor: "admin:test")
            }
            for id in leads.prefix(50) {
                try world.assignment.assign(id, to: world.r2, actor: "admin:test")
            }
        }
        var device = Replica()
        var cursors: [Int64] = []
        while !done.isSet {
            let page = try world.sync.pull(repID: world.r1, PullRequest(cursor: device.cursor, limit: 7))
            device.apply(page)
            cursors.append(page.cursor.sequence)
            if !page.hasMore { await Task.yield() }
        }
        try await writer.value
        try world.pullAll(&device, rep: world.r1, limit: 7)
        #expect(device.digestMismatches == 0)
        #expect(zip(cursors, cursors.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Set(device.leads.keys) == Set(leads.dropFirst(50)))
        #expect(device.digest == (try world.store.scopeDigest(repID: world.r1)))
    }

    /// S3: two changes at the same wall-clock instant, page size 1, then the clock goes back 5 s.
    @Test func sameInstantWritesAndAClockGoingBackAreEachDeliveredOnce() throws {
        let world = try SyncWorld()
        let leads = try world.mqlLeads(3)
        try world.assignment.assign(leads[0], to: world.r1, actor: "admin:test")
        try world.assignment.assign(leads[1], to: world.r1, actor: "admin:test")
        var device = Replica()
        var delivered: [LeadID] = []
        var cursors: [Int64] = []
        func pullPages() throws {
            while true {
                let page = try world.sync.pull(repID: world.r1, PullRequest(cursor: device.cursor, limit: 1))
                delivered += page.upserts.map(\.leadID)
                cursors.append(page.cursor.sequence)
                device.apply(page)
                if !page.hasMore { return }
            }
        }
        try pullPages()
        world.clock.advance(-5)
        try world.assignment.assign(leads[2], to: world.r1, actor: "admin:test")
        try pullPages()
        #expect(delivered == leads)
        #expect(Set(cursors).count == cursors.count)
        #expect(zip(cursors, cursors.dropFirst()).allSatisfy { $0 < $1 })
        #expect(device.digestMismatches == 0)
    }

    /// S10: only the owner changes; the old rep's device removes the lead, the new rep's adds it.
    @Test func reassignedLeadIsRemovedFromTheOldRepAndAddedToTheNew() throws {
        let world = try SyncWorld()
        let l7 = try world.assignedLeads(1, to: world.r1)[0]
        var d1 = Replica()
        var d2 = Replica()
        try world.pullAll(&d1, rep: world.r1)
        try world.pullAll(&d2, rep: world.r2)
        #expect(d1.leads[l7] != nil && d2.leads.isEmpty)

        let change = try world.assignment.assign(l7, to: world.r2, actor: "admin:mgr")
        #expect(change.previousRep == world.r1 && change.stageChange.trigger == .reassign)
        try world.pullAll(&d1, rep: world.r1)
        try world.pullAll(&d2, rep: world.r2)
        #expect(d1.leads[l7] == nil && d1.removed[l7] == .reassigned)
        #expect(d2.leads[l7]?.stage == .assigned)
        #expect(try world.store.owner(of: l7) == world.r2)
        #expect(d1.digestMismatches == 0 && d2.digestMismatches == 0)
    }

    /// S14: a lead assigned and reassigned away before the device's first sync never shows.
    @Test func leadAssignedAndRemovedBeforeTheFirstSyncNeverShows() throws {
        let world = try SyncWorld()
        let leads = try world.assignedLeads(3, to: world.r1)
        try world.assignment.assign(leads[1], to: world.r2, actor: "admin:mgr")
        let page = try world.sync.pull(repID: world.r1, PullRequest())
        #expect(!page.upserts.map(\.leadID).contains(leads[1]))
        #expect(page.removals.isEmpty)
        #expect(Set(page.upserts.map(\.leadID)) == [leads[0], leads[2]])
        #expect(page.scopeCount == 2)
    }

    /// S13: after the removal retention, an old cursor gets resync_required; the rebuilt copy
    /// holds no removed lead, and the device's unsent note still lands.
    @Test func cursorOlderThanTheRemovalRetentionMustResync() throws {
        let world = try SyncWorld()
        let leads = try world.assignedLeads(4, to: world.r1)
        var d1 = Replica()
        try world.pullAll(&d1, rep: world.r1)
        let oldCursor = try #require(d1.cursor)

        try world.assignment.assign(leads[0], to: world.r2, actor: "admin:mgr")
        world.clock.advance(10 * 86_400)
        try world.assignment.assign(leads[1], to: world.r2, actor: "admin:mgr")
        // Not yet past the retention: nothing pruned, the old cursor still works.
        #expect(try world.sync.pruneExpiredRemovals() == 0)
        #expect(try world.sync.pull(repID: world.r1, PullRequest(cursor: oldCursor)).removals.count == 2)

        world.clock.advance(25 * 86_400)
        try world.assignment.assign(leads[2], to: world.r2, actor: "admin:mgr")
        #expect(try world.sync.pruneExpiredRemovals() > 0)
        #expect(throws: SyncError.resyncRequired) {
            try world.sync.pull(repID: world.r1, PullRequest(cursor: oldCursor))
        }

        var rebuilt = Replica()
        try world.pullAll(&rebuilt, rep: world.r1)
        #expect(Set(rebuilt.leads.keys) == [leads[3]])
        #expect(rebuilt.digestMismatches == 0)
        #expect(try world.push(world.r1, client: "d1", [(leads[3], .addNote(text: "kept"))], firstID: 1) == [.applied])
    }

    @Test func cursorFromAnotherEpochMustResync() throws {
        let world = try SyncWorld()
        let other = SyncCursor(epoch: UUID(), sequence: 1)
        #expect(throws: SyncError.resyncRequired) {
            try world.sync.pull(repID: world.r1, PullRequest(cursor: other))
        }
        let beyond = SyncCursor(epoch: world.store.epoch, sequence: 9_999)
        #expect(throws: SyncError.resyncRequired) {
            try world.sync.pull(repID: world.r1, PullRequest(cursor: beyond))
        }
    }

    /// S16 and limits: typed errors before anything is read.
    @Test func unsupportedProtocolVersionAndBadLimitAreTypedErrors() throws {
        let world = try SyncWorld()
        #expect(throws: SyncError.unsupportedProtocolVersion(2)) {
            try world.sync.pull(repID: world.r1, PullRequest(protocolVersion: SyncProtocolVersion(rawValue: 2)))
        }
        #expect(throws: SyncError.unsupportedProtocolVersion(0)) {
            try world.sync.push(
                repID: world.r1,
                PushRequest(protocolVersion: SyncProtocolVersion(rawValue: 0), clientID: "d", mutations: []))
        }
        for limit in [0, -1, 5_001] {
            #expect(throws: SyncError.self) { try world.sync.pull(repID: world.r1, PullRequest(limit: limit)) }
        }
        #expect(try world.sync.pull(repID: world.r1, PullRequest(limit: 5_000)).cursor.sequence == 0)
    }

    @Test func rescoringAnAssignedLeadIsAnUpsertForItsOwner() throws {
        let world = try SyncWorld()
        let lead = try world.assignedLeads(1, to: world.r1)[0]
        var device = Replica()
        try world.pullAll(&device, rep: world.r1)
        let version = try world.store.saveScoringModel(
            document: "{}", createdBy: "admin:mo", note: nil, at: SyncWorld.t0)
        try world.store.saveScores([
            LeadScore(
                leadID: lead, fit: 10, engagement: 5, total: 15, grade: .c, qualified: true, modelVersion: version,
                contributions: [], scoredAt: SyncWorld.t0)
        ])
        try world.pullAll(&device, rep: world.r1)
        #expect(device.leads[lead]?.scoreTotal == 15 && device.leads[lead]?.grade == .c)
        #expect(device.digestMismatches == 0)
    }

    @Test func reimportedContactFieldsOfAnAssignedLeadAreAnUpsertForItsOwner() throws {
        let world = try SyncWorld()
        let lead = try world.assignedLeads(1, to: world.r1, prefix: "crm")[0]
        var device = Replica()
        try world.pullAll(&device, rep: world.r1)
        try world.store.importLeads(runID: ImportRunID()) { session in
            _ = try session.upsert(
                Lead(
                    externalID: "crm-0", firstName: "Lead", lastName: "0", email: EmailAddress("crm0@example.com"),
                    phone: "+1 555 0100", company: "Acme 0", source: "web"),
                dedupeKey: "crm-0")
        }
        try world.pullAll(&device, rep: world.r1)
        #expect(device.leads[lead]?.phone == "+1 555 0100")
        #expect(device.digestMismatches == 0)
    }
}
