import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// The change log that pulls read (``SyncStore/changes(repID:after:limit:includeRemovals:)``): the
/// epoch cursors carry, pages after a cursor, the scope digest, the change-log mark, and pruning
/// old removals. Sequences are compared, never assumed.
@Suite("Store contract: change log")
struct ChangeLogContractTests {
    let t0 = ContractFixtures.t0

    /// Everything a device holds after a first sync of the rep (no cursor, so no removals).
    func fullScope(of repID: RepID, in store: any ContractStore) throws -> PullPage {
        let page = try store.changes(repID: repID, after: 0, limit: 1_000, includeRemovals: false)
        #expect(!page.hasMore)
        return page
    }

    /// The digest of a page's upserts, as a device computes it over its copy.
    func digest(of page: PullPage) -> ScopeDigest {
        ScopeDigest(page.upserts.map { (leadID: $0.leadID, version: $0.version) })
    }

    @Test(arguments: StoreKind.available)
    func theEpochStaysTheSameAndEveryCursorCarriesIt(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let epoch = store.epoch
            #expect(store.epoch == epoch)
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            #expect(try store.changeLogMark(repID: rita.id) == ChangeLogMark(lastSequence: 0, prunedThrough: 0))

            let empty = try store.changes(repID: rita.id, after: 0, limit: 10, includeRemovals: false)
            #expect(empty.cursor.epoch == epoch)
            #expect(empty.upserts.isEmpty)
            #expect(empty.removals.isEmpty)
            #expect(!empty.hasMore)
            #expect(empty.scopeCount == 0)
            #expect(empty.scopeDigest == ScopeDigest.empty)
            #expect(try store.scopeDigest(repID: rita.id) == ScopeDigest.empty)

            try ContractFixtures.assignedLead("EP-1", to: rita.id, in: store)
            let page = try store.changes(repID: rita.id, after: 0, limit: 10, includeRemovals: false)
            #expect(page.cursor.epoch == epoch)
            #expect(store.epoch == epoch)
            // Another store is another epoch: its cursors are recognised as foreign.
            try kind.withStore { other in
                #expect(other.epoch != epoch)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aFirstPullBringsTheRepsWholeScopeWithItsDigest(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let version = try ContractFixtures.savedModel(in: store)
            let a = try ContractFixtures.mqlLead("CL-a", in: store)
            try store.saveScores([ContractFixtures.score(a, 60, version: version)])
            try store.assign(leadID: a, to: rita.id, actor: "system:router", at: t0 + 60)
            let b = try ContractFixtures.assignedLead("CL-b", to: rita.id, in: store, at: t0 + 120)
            let c = try ContractFixtures.assignedLead("CL-c", to: omar.id, in: store, at: t0 + 180)
            try ContractFixtures.mqlLead("CL-d", in: store)  // nobody's

            let page = try fullScope(of: rita.id, in: store)
            #expect(page.cursor.epoch == store.epoch)
            #expect(page.removals.isEmpty)
            #expect(page.upserts.map(\.leadID).sorted() == [a, b].sorted())
            #expect(page.scopeCount == 2)
            #expect(page.scopeDigest == digest(of: page))
            #expect(try store.scopeDigest(repID: rita.id) == digest(of: page))

            let synced = try #require(page.upserts.first { $0.leadID == a })
            let lead = ContractFixtures.lead("CL-a")
            #expect(synced.stage == .assigned)
            #expect(synced.assignedAt == t0 + 60)
            #expect(synced.externalID == "CL-a")
            #expect(synced.email == lead.email?.address)
            #expect(synced.company == lead.company)
            #expect(synced.scoreTotal == 60)
            #expect(synced.fitScore == 60)
            #expect(synced.grade == .b)
            #expect(synced.modelVersion == version)
            #expect(synced.topContributions == ContractFixtures.score(a, 60, version: version).contributions)
            #expect(synced.notes.isEmpty)
            let unscored = try #require(page.upserts.first { $0.leadID == b })
            #expect(unscored.scoreTotal == nil)
            #expect(unscored.assignedAt == t0 + 120)

            let omars = try fullScope(of: omar.id, in: store)
            #expect(omars.upserts.map(\.leadID) == [c])
            #expect(try store.scopeDigest(repID: omar.id) == digest(of: omars))
        }
    }

    @Test(arguments: StoreKind.available)
    func aPullAfterACursorBringsOnlyLaterChangesAndRemovalsWhenAsked(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let version = try ContractFixtures.savedModel(in: store)
            let a = try ContractFixtures.assignedLead("CL-a", to: rita.id, in: store, at: t0 + 60)
            let b = try ContractFixtures.assignedLead("CL-b", to: rita.id, in: store, at: t0 + 60)
            let first = try fullScope(of: rita.id, in: store)
            let before = try #require(first.upserts.first { $0.leadID == a })

            // a is rescored (a change to a lead in the scope), b is handed to Omar.
            try store.saveScores([ContractFixtures.score(a, 80, version: version, at: t0 + 300)])
            try store.assign(leadID: b, to: omar.id, actor: "admin:mo", at: t0 + 360)

            let next = try store.changes(
                repID: rita.id, after: first.cursor.sequence, limit: 100, includeRemovals: true)
            #expect(next.cursor.epoch == store.epoch)
            #expect(next.cursor.sequence > first.cursor.sequence)
            #expect(!next.hasMore)
            #expect(next.upserts.map(\.leadID) == [a])
            let after = try #require(next.upserts.first)
            #expect(after.scoreTotal == 80)
            #expect(after.version > before.version)
            #expect(next.removals == [LeadRemoval(leadID: b, reason: .reassigned)])
            #expect(next.scopeCount == 1)

            let withoutRemovals = try store.changes(
                repID: rita.id, after: first.cursor.sequence, limit: 100, includeRemovals: false)
            #expect(withoutRemovals.removals.isEmpty)
            #expect(withoutRemovals.upserts.map(\.leadID) == [a])

            // The digest after the page is that of the whole scope read afresh.
            let fresh = try fullScope(of: rita.id, in: store)
            #expect(fresh.upserts.map(\.leadID) == [a])
            #expect(next.scopeDigest == digest(of: fresh))
            #expect(try store.scopeDigest(repID: rita.id) == digest(of: fresh))
            #expect(try fullScope(of: omar.id, in: store).upserts.map(\.leadID) == [b])

            // Nothing after the latest cursor.
            let idle = try store.changes(repID: rita.id, after: next.cursor.sequence, limit: 100, includeRemovals: true)
            #expect(idle.upserts.isEmpty)
            #expect(idle.removals.isEmpty)
            #expect(idle.scopeCount == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func pagesOfAtMostLimitRowsChainThroughTheirCursors(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let leads = try (0..<5).map {
                try ContractFixtures.assignedLead("PG-\($0)", to: rita.id, in: store, at: t0 + Double($0))
            }
            var cursor: Int64 = 0
            var seen: [LeadID] = []
            var pages: [PullPage] = []
            while pages.count < 10 {
                let page = try store.changes(repID: rita.id, after: cursor, limit: 2, includeRemovals: false)
                #expect(page.upserts.count <= 2)
                #expect(page.cursor.sequence >= cursor)
                seen += page.upserts.map(\.leadID)
                cursor = page.cursor.sequence
                pages.append(page)
                if !page.hasMore { break }
            }
            #expect(pages.count >= 3)
            #expect(pages.dropLast().allSatisfy { $0.hasMore })
            #expect(seen.sorted() == leads.sorted())
            let last = try #require(pages.last)
            #expect(last.scopeCount == 5)
            #expect(try last.scopeDigest == store.scopeDigest(repID: rita.id))
        }
    }

    @Test(arguments: StoreKind.available)
    func theMarkMovesWhenTheLogChangesAndACursorPastTheEndIsResyncRequired(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let empty = try store.changeLogMark(repID: rita.id)
            #expect(empty == ChangeLogMark(lastSequence: 0, prunedThrough: 0))

            let a = try ContractFixtures.assignedLead("MK-a", to: rita.id, in: store)
            let first = try store.changeLogMark(repID: rita.id)
            #expect(first.lastSequence > empty.lastSequence)
            // Reads take no sequence.
            _ = try store.lead(id: a)
            _ = try store.changes(repID: rita.id, after: 0, limit: 10, includeRemovals: false)
            #expect(try store.changeLogMark(repID: rita.id) == first)

            // Another rep's change may move Rita's mark or not (a store may keep one mark for the whole
            // log, or one per rep); a change in Rita's scope always does.
            try ContractFixtures.assignedLead("MK-b", to: omar.id, in: store)
            #expect(try store.changeLogMark(repID: rita.id).lastSequence >= first.lastSequence)
            try ContractFixtures.assignedLead("MK-c", to: rita.id, in: store)
            let second = try store.changeLogMark(repID: rita.id)
            #expect(second.lastSequence > first.lastSequence)
            #expect(second.prunedThrough == 0)

            // A cursor at the end of the log is served; one past it comes from another copy.
            let atEnd = try store.changes(
                repID: rita.id, after: second.lastSequence, limit: 10, includeRemovals: true)
            #expect(atEnd.upserts.isEmpty)
            #expect(atEnd.removals.isEmpty)
            #expect(throws: SyncError.resyncRequired) {
                try store.changes(repID: rita.id, after: second.lastSequence + 1_000, limit: 10, includeRemovals: true)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func pruningOldRemovalsRaisesTheHorizonAndOlderCursorsMustResync(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let version = try ContractFixtures.savedModel(in: store)
            let a = try ContractFixtures.assignedLead("PR-a", to: rita.id, in: store)
            let b = try ContractFixtures.assignedLead("PR-b", to: rita.id, in: store)
            let start = try fullScope(of: rita.id, in: store)

            #expect(try store.releaseLead(a, at: t0 + 60) == rita.id)
            // The removal is not Rita's latest row: b changes after it.
            try store.saveScores([ContractFixtures.score(b, 70, version: version, at: t0 + 120)])
            let digestBefore = try store.scopeDigest(repID: rita.id)

            #expect(try store.pruneRemovals(olderThan: t0 + 30) == 0)
            #expect(try store.changeLogMark(repID: rita.id).prunedThrough == 0)
            #expect(try store.pruneRemovals(olderThan: t0 + ContractFixtures.day) > 0)
            #expect(try store.pruneRemovals(olderThan: t0 + ContractFixtures.day) == 0)

            let mark = try store.changeLogMark(repID: rita.id)
            #expect(mark.prunedThrough > start.cursor.sequence)
            #expect(throws: SyncError.resyncRequired) {
                try store.changes(repID: rita.id, after: start.cursor.sequence, limit: 100, includeRemovals: true)
            }
            // A first sync never brings the removed lead back, and the digest is untouched.
            let fresh = try fullScope(of: rita.id, in: store)
            #expect(fresh.upserts.map(\.leadID) == [b])
            #expect(fresh.removals.isEmpty)
            #expect(try store.scopeDigest(repID: rita.id) == digestBefore)
            #expect(digest(of: fresh) == digestBefore)
        }
    }
}
