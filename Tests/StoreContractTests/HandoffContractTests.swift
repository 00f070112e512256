import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// The hand-off half of the store (``HandoffStore``): open leads per rep, round-robin credits,
/// duplicates and merges, the overflow queue, SLA breaches, the rejects and their follow-ups,
/// the hand-off and stage history the reports read, and the account owner.
@Suite("Store contract: hand-off")
struct HandoffContractTests {
    let t0 = ContractFixtures.t0
    let day = ContractFixtures.day

    /// Applies one mutation of `repID`'s device (`device-<rep>`) and expects it applied.
    func push(
        _ id: Int64, _ lead: LeadID, _ intent: MutationIntent, by repID: RepID, at date: Date,
        in store: any ContractStore
    ) throws {
        let mutation = ContractFixtures.mutation(id, lead, intent, client: "device-\(repID)")
        #expect(try ContractFixtures.push([mutation], by: repID, at: date, in: store) == [.applied])
    }

    /// Whether each lead's rows are next to one another.
    func isGroupedByLead(_ changes: [StageChange]) -> Bool {
        var finished: Set<LeadID> = []
        var current: LeadID?
        for change in changes where change.leadID != current {
            if let current { finished.insert(current) }
            if finished.contains(change.leadID) { return false }
            current = change.leadID
        }
        return true
    }

    @Test(arguments: StoreKind.available)
    func openLeadsAreCountedAndListedPerRep(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            try ContractFixtures.addedRep("Idle", to: store)
            #expect(try store.openLeadCounts().isEmpty)
            #expect(try store.openAssignments().isEmpty)

            let a = try ContractFixtures.assignedLead("OP-a", to: rita.id, in: store, at: t0 + 60)
            let b = try ContractFixtures.assignedLead("OP-b", to: rita.id, in: store, at: t0 + 120)
            let c = try ContractFixtures.assignedLead("OP-c", to: omar.id, in: store, at: t0 + 180)
            try ContractFixtures.mqlLead("OP-d", in: store)
            try push(1, b, .accept, by: rita.id, at: t0 + 600, in: store)

            let counts: [RepID: Int] = [rita.id: 2, omar.id: 1]
            #expect(try store.openLeadCounts() == counts)
            let open = try store.openAssignments()
            let expected: Set<OpenAssignment> = [
                OpenAssignment(leadID: a, repID: rita.id, stage: .assigned, assignedAt: t0 + 60),
                OpenAssignment(leadID: b, repID: rita.id, stage: .accepted, assignedAt: t0 + 120),
                OpenAssignment(leadID: c, repID: omar.id, stage: .assigned, assignedAt: t0 + 180),
            ]
            #expect(open.count == 3)
            #expect(Set(open) == expected)

            try push(1, c, .rejecting(.noBudget), by: omar.id, at: t0 + 700, in: store)
            let after: [RepID: Int] = [rita.id: 2]
            #expect(try store.openLeadCounts() == after)
            #expect(try store.openAssignments().map(\.leadID).sorted() == [a, b].sorted())
        }
    }

    @Test(arguments: StoreKind.available)
    func roundRobinCreditsAreReplacedAsAWhole(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            #expect(try store.roundRobinCredits().isEmpty)

            let first: [RepID: Int] = [rita.id: 3, omar.id: -3]
            try store.saveRoundRobinCredits(first)
            #expect(try store.roundRobinCredits() == first)
            let second: [RepID: Int] = [omar.id: 5]
            try store.saveRoundRobinCredits(second)
            #expect(try store.roundRobinCredits() == second)
            try store.saveRoundRobinCredits([:])
            #expect(try store.roundRobinCredits().isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func duplicatesPointToTheEarliestLeadWithTheSameEmailAndMergesAreRecorded(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let original = try ContractFixtures.importedLead(
                ContractFixtures.lead("DU-original", email: "sam@shop.example.com", createdAt: t0), into: store)
            let copy = try ContractFixtures.mqlLead(
                ContractFixtures.lead("DU-copy", email: "SAM@shop.example.com", createdAt: t0 + day), in: store)
            let third = try ContractFixtures.mqlLead(
                ContractFixtures.lead("DU-third", email: "sam@shop.example.com", createdAt: t0 + 2 * day), in: store)
            let unique = try ContractFixtures.mqlLead(
                ContractFixtures.lead("DU-unique", email: "kim@shop.example.com", createdAt: t0), in: store)

            let originals: [LeadID: LeadID] = [copy: original, third: original]
            #expect(try store.duplicateOriginals() == originals)
            #expect(try store.earliestLead(withEmailOf: third) == original)
            #expect(try store.earliestLead(withEmailOf: copy) == original)
            #expect(try store.earliestLead(withEmailOf: original) == copy)
            #expect(try store.earliestLead(withEmailOf: unique) == nil)

            #expect(try store.mergeTarget(of: copy) == nil)
            try store.recordMerge(leadID: copy, into: original, at: t0 + 3 * day)
            #expect(try store.mergeTarget(of: copy) == original)
            #expect(try store.mergeTarget(of: original) == nil)
            try store.recordMerge(leadID: copy, into: third, at: t0 + 4 * day)
            #expect(try store.mergeTarget(of: copy) == third)
            try store.recordMerge(leadID: third, into: original, at: t0 + 4 * day)

            let targets: [LeadID: LeadID] = [copy: third, third: original]
            #expect(try store.mergeTargets(leadIDs: [copy, third, unique, original]) == targets)
            #expect(try store.mergeTargets(leadIDs: []).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func theOverflowQueueIsReplacedAndAWaitingLeadKeepsItsTime(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let a = try ContractFixtures.mqlLead("OV-a", in: store)
            let b = try ContractFixtures.mqlLead("OV-b", in: store)
            let c = try ContractFixtures.mqlLead("OV-c", in: store)
            #expect(try store.overflow().isEmpty)

            let first = [
                OverflowEntry(leadID: b, territory: "PT", since: t0 + 60),
                OverflowEntry(leadID: a, territory: "BR", since: t0),
            ]
            try store.replaceOverflow(first)
            #expect(try store.overflow() == [first[1], first[0]])

            // a is placed; b still waits (since its first time); c starts waiting.
            try store.replaceOverflow([
                OverflowEntry(leadID: b, territory: "PT", since: t0 + 600),
                OverflowEntry(leadID: c, territory: "BR", since: t0 + 30),
            ])
            #expect(
                try store.overflow() == [
                    OverflowEntry(leadID: c, territory: "BR", since: t0 + 30),
                    OverflowEntry(leadID: b, territory: "PT", since: t0 + 60),
                ])
            try store.replaceOverflow([])
            #expect(try store.overflow().isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aBreachIsRecordedOncePerLeadRepAndHandoff(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let lead = try ContractFixtures.assignedLead("BR-1", to: rita.id, in: store)
            #expect(try store.breaches().isEmpty)

            let missed = SLABreach(
                leadID: lead, repID: rita.id, assignedAt: t0, deadline: t0 + day, detectedAt: t0 + day + 60,
                escalatedTo: omar.id)
            #expect(try store.recordBreach(missed))
            var seenAgain = missed
            seenAgain.detectedAt = t0 + 2 * day
            seenAgain.escalatedTo = nil
            #expect(try store.recordBreach(seenAgain) == false)

            let missedAgain = SLABreach(
                leadID: lead, repID: omar.id, assignedAt: t0 + day + 60, deadline: t0 + 2 * day + 60,
                detectedAt: t0 + 2 * day + 120, escalatedTo: nil)
            #expect(try store.recordBreach(missedAgain))
            #expect(try store.breaches() == [missed, missedAgain])
        }
    }

    @Test(arguments: StoreKind.available)
    func aRejectKeepsTheScoreTheLeadHadThenWhateverTheEntryPoint(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let version = try ContractFixtures.savedModel(in: store)
            let scored = try ContractFixtures.mqlLead("RJ-a", in: store)
            try store.saveScores([ContractFixtures.score(scored, 60, version: version)])
            try store.assign(leadID: scored, to: rita.id, actor: "system:router", at: t0)
            let unscored = try ContractFixtures.assignedLead("RJ-b", to: rita.id, in: store)
            let kept = try ContractFixtures.assignedLead("RJ-c", to: rita.id, in: store)
            let rejectedAt = t0 + 3_600

            let mutations = [
                ContractFixtures.mutation(1, scored, .rejecting(.noBudget)),
                ContractFixtures.mutation(2, unscored, .rejecting(.notICP)),
            ]
            let outcomes = try ContractFixtures.push(mutations, by: rita.id, at: rejectedAt, in: store)
            #expect(outcomes == [.applied, .applied])
            // Rescoring after the reject does not rewrite the score at the reject.
            try store.saveScores([ContractFixtures.score(scored, 90, version: version, at: rejectedAt + 60)])

            let recycled = RecordedRejection(
                leadID: scored, reason: .noBudget, rejectedAt: rejectedAt, scoreAtRejection: 60,
                coolDownUntil: rejectedAt + 30 * day)
            let disqualified = RecordedRejection(
                leadID: unscored, reason: .notICP, rejectedAt: rejectedAt, scoreAtRejection: nil, coolDownUntil: nil)
            #expect(try store.rejection(leadID: scored) == recycled)
            #expect(try store.rejection(leadID: unscored) == disqualified)
            #expect(try store.rejection(leadID: kept) == nil)
            let both: [LeadID: RecordedRejection] = [scored: recycled, unscored: disqualified]
            #expect(try store.rejections(leadIDs: [scored, unscored, kept]) == both)
            #expect(try store.rejections(leadIDs: []).isEmpty)

            // A reject written through a stage move is captured the same way.
            let moved = try ContractFixtures.mqlLead("RJ-d", in: store)
            try store.saveScores([ContractFixtures.score(moved, 45, version: version)])
            try store.transition(.init(leadID: moved, to: .assigned, trigger: .route, actor: "system:router", at: t0))
            try store.transition(
                .init(
                    leadID: moved, to: .disqualified, trigger: .rejectTerminal, actor: "admin:mo", at: t0 + 7_200,
                    reason: .spam))
            #expect(
                try store.rejection(leadID: moved)
                    == RecordedRejection(leadID: moved, reason: .spam, rejectedAt: t0 + 7_200, scoreAtRejection: 45))
        }
    }

    @Test(arguments: StoreKind.available)
    func duplicateAndExistingCustomerRejectsAwaitTheirFollowUp(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let original = try ContractFixtures.storedLead("FU-original", in: store)
            let duplicate = try ContractFixtures.assignedLead("FU-duplicate", to: rita.id, in: store)
            let customer = try ContractFixtures.assignedLead("FU-customer", to: rita.id, in: store)
            let spam = try ContractFixtures.assignedLead("FU-spam", to: rita.id, in: store)
            let rejectedAt = t0 + 3_600
            let mutations = [
                ContractFixtures.mutation(1, duplicate, .rejecting(.duplicate)),
                ContractFixtures.mutation(2, customer, .rejecting(.existingCustomer)),
                ContractFixtures.mutation(3, spam, .rejecting(.spam)),
            ]
            #expect(
                try ContractFixtures.push(mutations, by: rita.id, at: rejectedAt, in: store)
                    == [.applied, .applied, .applied])

            let awaiting = try store.rejectionsAwaitingFollowUp()
            #expect(awaiting.map(\.leadID).sorted() == [duplicate, customer].sorted())
            #expect(awaiting.map(\.rejectedAt) == [rejectedAt, rejectedAt])
            #expect(try store.followUp(leadID: duplicate) == nil)

            let merged = DispositionFollowUp(
                leadID: duplicate, reason: .duplicate, mergedInto: original, accountOwner: nil, at: rejectedAt + 60)
            try store.recordFollowUp(merged)
            #expect(try store.followUp(leadID: duplicate) == merged)
            #expect(try store.rejectionsAwaitingFollowUp().map(\.leadID) == [customer])

            let routed = DispositionFollowUp(
                leadID: customer, reason: .existingCustomer, mergedInto: nil, accountOwner: rita.id,
                at: rejectedAt + 120)
            try store.recordFollowUp(routed)
            #expect(try store.followUp(leadID: customer) == routed)
            #expect(try store.rejectionsAwaitingFollowUp().isEmpty)
            #expect(try store.followUp(leadID: spam) == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func everyHandoffKeepsTheScoreOfThatMomentOldestFirst(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let version = try ContractFixtures.savedModel(in: store)
            let lead = try ContractFixtures.mqlLead("HO-a", in: store)
            let routedScore = ContractFixtures.score(lead, 60, version: version)
            try store.saveScores([routedScore])
            try store.assign(leadID: lead, to: rita.id, actor: "system:router", at: t0 + 60)
            let reassignedScore = ContractFixtures.score(lead, 80, version: version, grade: .a, at: t0 + 90)
            try store.saveScores([reassignedScore])
            try store.assign(leadID: lead, to: omar.id, actor: "admin:mo", at: t0 + 120)
            let unscored = try ContractFixtures.assignedLead("HO-b", to: rita.id, in: store, at: t0 + 180)

            #expect(
                try store.handoffs() == [
                    HandoffRecord(
                        leadID: lead, repID: rita.id, handedAt: t0 + 60, handedBy: "system:router", scoreTotal: 60,
                        grade: .b, modelVersion: version, contributions: routedScore.contributions),
                    HandoffRecord(
                        leadID: lead, repID: omar.id, handedAt: t0 + 120, handedBy: "admin:mo", scoreTotal: 80,
                        grade: .a, modelVersion: version, contributions: reassignedScore.contributions),
                    HandoffRecord(
                        leadID: unscored, repID: rita.id, handedAt: t0 + 180, handedBy: "system:router",
                        scoreTotal: nil, grade: nil, modelVersion: nil, contributions: []),
                ])
        }
    }

    @Test(arguments: StoreKind.available)
    func stageChangesSinceADateAreGroupedByLeadInOrderOfWriting(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let a = try ContractFixtures.storedLead("SC-a", in: store)
            let b = try ContractFixtures.storedLead("SC-b", in: store)
            let moves: [(LeadID, LifecycleStage, TimeInterval)] = [
                (a, .mql, 0), (b, .nurturing, 30), (a, .nurturing, 60), (b, .mql, 90),
            ]
            for (lead, stage, offset) in moves {
                try store.transition(
                    .init(leadID: lead, to: stage, trigger: .score, actor: "system:scoring", at: t0 + offset))
            }

            let all = try store.stageChanges(since: nil)
            let historyA = try store.stageHistory(leadID: a)
            let historyB = try store.stageHistory(leadID: b)
            #expect(all.count == 4)
            #expect(isGroupedByLead(all))
            #expect(all.filter { $0.leadID == a } == historyA)
            #expect(all.filter { $0.leadID == b } == historyB)
            #expect(historyA.map(\.to) == [.mql, .nurturing])

            let recent = try store.stageChanges(since: t0 + 60)
            #expect(recent.count == 2)
            #expect(recent.filter { $0.leadID == a }.map(\.to) == [.nurturing])
            #expect(recent.filter { $0.leadID == b }.map(\.to) == [.mql])
            #expect(try store.stageChanges(since: t0 + 91).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func theAccountOwnerIsTheRepWhoMostRecentlyWonAnotherLeadOfTheCompanyOrDomain(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let won = try ContractFixtures.mqlLead(
                ContractFixtures.lead("AO-won", email: "buyer@acme.example.com", company: "Acme"), in: store)
            let sameDomain = try ContractFixtures.mqlLead(
                ContractFixtures.lead("AO-colleague", email: "colleague@acme.example.com", company: "Globex"),
                in: store)
            let sameCompany = try ContractFixtures.importedLead(
                ContractFixtures.lead("AO-cousin", email: "cousin@mail.example.org", company: "Acme"), into: store)
            let stranger = try ContractFixtures.importedLead(
                ContractFixtures.lead("AO-stranger", email: "someone@initech.example.net", company: "Initech"),
                into: store)
            #expect(try store.accountOwner(of: sameDomain) == nil)

            try store.assign(leadID: won, to: rita.id, actor: "system:router", at: t0 + 60)
            try push(1, won, .accept, by: rita.id, at: t0 + 120, in: store)
            #expect(try store.accountOwner(of: sameDomain) == rita.id)
            #expect(try store.accountOwner(of: sameCompany) == rita.id)
            #expect(try store.accountOwner(of: stranger) == nil)
            #expect(try store.accountOwner(of: won) == nil)

            let later = try ContractFixtures.mqlLead(
                ContractFixtures.lead("AO-later", email: "cfo@acme.example.com", company: "Acme"), in: store)
            try store.assign(leadID: later, to: omar.id, actor: "system:router", at: t0 + 600)
            try push(1, later, .accept, by: omar.id, at: t0 + 660, in: store)
            try push(2, later, .convert, by: omar.id, at: t0 + 720, in: store)
            #expect(try store.accountOwner(of: sameDomain) == omar.id)
            #expect(try store.accountOwner(of: won) == omar.id)
        }
    }
}
