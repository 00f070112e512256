import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// Device pushes (``SyncStore/applyPushes(_:at:)``, ``SyncStore/applyPush(repID:clientID:mutations:at:)``):
/// mutations answered in order and re-validated against the lead, the idempotency of a client's
/// ids (duplicate, conflict, gap), clients bound to one rep, notes, and the cool-down a
/// recycling reject sets (``SyncStore/coolDownEnd(leadID:)``, ``SyncStore/endCoolDowns(dueBy:actor:)``).
@Suite("Store contract: pushes")
struct PushContractTests {
    let t0 = ContractFixtures.t0
    let day = ContractFixtures.day
    /// When the pushes of a test reach the server.
    let pushedAt = ContractFixtures.t0 + 3_600

    func mutation(
        _ id: Int64, _ lead: LeadID, _ intent: MutationIntent, expectedStage: LifecycleStage? = nil
    ) -> Mutation {
        ContractFixtures.mutation(id, lead, intent, expectedStage: expectedStage)
    }

    func push(_ mutations: [Mutation], by repID: RepID, in store: any ContractStore) throws -> [PushOutcome] {
        try ContractFixtures.push(mutations, by: repID, at: pushedAt, in: store)
    }

    @Test(arguments: StoreKind.available)
    func aPushAppliesItsMutationsInOrder(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let lead = try ContractFixtures.assignedLead("PU-1", to: rita.id, in: store)

            let results = try store.applyPush(
                repID: rita.id, clientID: "device-1",
                mutations: [
                    mutation(1, lead, .addNote(text: "called, interested")),
                    mutation(2, lead, .accept, expectedStage: .assigned),
                    mutation(3, lead, .addNote(text: "demo booked")),
                ], at: pushedAt)
            #expect(
                results == [
                    PushResult(mutationID: 1, outcome: .applied), PushResult(mutationID: 2, outcome: .applied),
                    PushResult(mutationID: 3, outcome: .applied),
                ])
            #expect(try store.lead(id: lead)?.stage == .accepted)
            #expect(try store.owner(of: lead) == rita.id)
            let accepted = try #require(try store.stageHistory(leadID: lead).last)
            #expect(accepted.from == .assigned)
            #expect(accepted.to == .accepted)
            #expect(accepted.trigger == .accept)
            #expect(accepted.at == pushedAt)
            #expect(
                try store.notes(leadID: lead) == [
                    SyncedNote(text: "called, interested", createdAt: pushedAt),
                    SyncedNote(text: "demo booked", createdAt: pushedAt),
                ])

            // The rep's device gets the accepted lead with its notes.
            let synced = try #require(
                try store.changes(repID: rita.id, after: 0, limit: 100, includeRemovals: false).upserts.first)
            #expect(synced.leadID == lead)
            #expect(synced.stage == .accepted)
            #expect(synced.notes.map(\.text) == ["called, interested", "demo booked"])
        }
    }

    @Test(arguments: StoreKind.available)
    func aResentMutationIsADuplicateAndAnotherPayloadUnderItsIDIsAConflict(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let lead = try ContractFixtures.assignedLead("PU-1", to: rita.id, in: store)
            let accept = mutation(1, lead, .accept)

            let first = try store.applyPushes(
                [PendingPush(repID: rita.id, clientID: "device-1", mutations: [accept])], at: pushedAt)
            #expect(first.count == 1)
            let answer = try first[0].get()
            #expect(answer.results == [PushResult(mutationID: 1, outcome: .applied)])
            #expect(answer.lastAppliedBefore == 0)

            #expect(try push([accept], by: rita.id, in: store) == [.duplicate])
            let reused = mutation(1, lead, .addNote(text: "not the same"))
            #expect(try push([reused], by: rita.id, in: store) == [.rejected(.conflict)])
            #expect(try store.notes(leadID: lead).isEmpty)
            #expect(try store.stageHistory(leadID: lead).map(\.trigger) == [.score, .route, .accept])

            let next = try store.applyPushes(
                [
                    PendingPush(
                        repID: rita.id, clientID: "device-1", mutations: [mutation(2, lead, .addNote(text: "next"))])
                ], at: pushedAt + 60)
            let nextAnswer = try next[0].get()
            #expect(nextAnswer.lastAppliedBefore == 1)
            #expect(nextAnswer.results.map(\.outcome) == [.applied])
        }
    }

    @Test(arguments: StoreKind.available)
    func aMutationAfterAMissingIDIsAGapAndIsNotRecorded(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let lead = try ContractFixtures.assignedLead("PU-1", to: rita.id, in: store)

            #expect(try push([mutation(1, lead, .addNote(text: "one"))], by: rita.id, in: store) == [.applied])
            let early = mutation(3, lead, .addNote(text: "three?"))
            #expect(try push([early], by: rita.id, in: store) == [.rejected(.gap)])
            #expect(try store.notes(leadID: lead).map(\.text) == ["one"])

            // The gap left no trace: id 3 is free for whatever comes after 2.
            let outcomes = try push(
                [mutation(2, lead, .addNote(text: "two")), mutation(3, lead, .addNote(text: "three"))],
                by: rita.id, in: store)
            #expect(outcomes == [.applied, .applied])
            #expect(try store.notes(leadID: lead).map(\.text) == ["one", "two", "three"])
        }
    }

    @Test(arguments: StoreKind.available)
    func refusedMutationsAreAnsweredAndAdvanceTheClientWithoutTouchingTheLead(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let lead = try ContractFixtures.assignedLead("PU-1", to: rita.id, in: store)
            let omars = try ContractFixtures.assignedLead("PU-2", to: omar.id, in: store)
            let unknownReason = mutation(3, lead, .reject(reason: "too_busy", note: nil, reentryDate: nil))

            let outcomes = try push(
                [
                    mutation(1, lead, .convert),
                    mutation(2, lead, .rejecting(.other)),
                    unknownReason,
                    mutation(4, omars, .accept),
                    mutation(5, LeadID(), .accept),
                    mutation(6, lead, .accept, expectedStage: .accepted),
                    mutation(7, lead, .addNote(text: "   ")),
                    mutation(8, lead, .accept),
                ], by: rita.id, in: store)
            let expected: [PushOutcome] = [
                .rejected(.invalidTransition), .rejected(.noteRequired), .rejected(.unknownReason),
                .rejected(.notAssigned), .rejected(.unknownLead), .rejected(.stale), .rejected(.invalidMutation),
                .applied,
            ]
            #expect(outcomes == expected)
            #expect(try store.lead(id: lead)?.stage == .accepted)
            #expect(try store.lead(id: omars)?.stage == .assigned)
            #expect(try store.owner(of: omars) == omar.id)
            #expect(try store.notes(leadID: lead).isEmpty)
            #expect(try store.stageHistory(leadID: lead).map(\.trigger) == [.score, .route, .accept])
            // A refusal is final: the same mutation again is a duplicate, not a gap.
            #expect(try push([unknownReason], by: rita.id, in: store) == [.duplicate])
        }
    }

    @Test(arguments: StoreKind.available)
    func aClientBoundToAnotherRepIsForbiddenAndFailsAloneInItsGroup(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let ritas = try ContractFixtures.assignedLead("PU-1", to: rita.id, in: store)
            let omars = try ContractFixtures.assignedLead("PU-2", to: omar.id, in: store)
            #expect(try push([mutation(1, ritas, .accept)], by: rita.id, in: store) == [.applied])

            #expect(throws: SyncError.forbidden) {
                try store.applyPush(
                    repID: omar.id, clientID: "device-1", mutations: [mutation(2, omars, .accept)], at: pushedAt)
            }
            #expect(try store.lead(id: omars)?.stage == .assigned)

            let ghost = RepID()
            let answers = try store.applyPushes(
                [
                    PendingPush(repID: omar.id, clientID: "device-1", mutations: [mutation(2, omars, .accept)]),
                    PendingPush(
                        repID: rita.id, clientID: "device-1", mutations: [mutation(2, ritas, .addNote(text: "mine"))]),
                    PendingPush(
                        repID: ghost, clientID: "device-9",
                        mutations: [ContractFixtures.mutation(1, ritas, .convert, client: "device-9")]),
                ], at: pushedAt + 60)
            #expect(answers.count == 3)
            if case .failure(let error) = answers[0] {
                #expect(error as? SyncError == SyncError.forbidden)
            } else {
                Issue.record("a push from a client bound to another rep was applied")
            }
            #expect(try answers[1].get().results.map(\.outcome) == [.applied])
            if case .failure(let error) = answers[2] {
                #expect(error as? LeadStoreError == LeadStoreError.repNotFound(ghost))
            } else {
                Issue.record("a push of an unknown rep was applied")
            }
            #expect(try store.lead(id: omars)?.stage == .assigned)
            #expect(try store.lead(id: ritas)?.stage == .accepted)
            #expect(try store.notes(leadID: ritas).map(\.text) == ["mine"])

            // Omar's own device is not affected by the refusals.
            let omarsOwn = ContractFixtures.mutation(1, omars, .accept, client: "device-2")
            #expect(try ContractFixtures.push([omarsOwn], by: omar.id, at: pushedAt, in: store) == [.applied])
        }
    }

    @Test(arguments: StoreKind.available)
    func aContactCorrectionIsStoredOnTheLead(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let lead = try ContractFixtures.assignedLead("PU-1", to: rita.id, in: store)
            let correction = ContactCorrection(
                lastName: "Souza", email: "New.Address@shop.example.com", phone: "+55 11 5555 0101")

            #expect(try push([mutation(1, lead, .correctContact(correction))], by: rita.id, in: store) == [.applied])
            let stored = try #require(try store.lead(id: lead))
            #expect(stored.lastName == "Souza")
            #expect(stored.phone == "+55 11 5555 0101")
            #expect(stored.email == EmailAddress("New.Address@shop.example.com"))
            #expect(try store.lead(email: EmailAddress("new.address@shop.example.com"))?.id == lead)
            #expect(stored.stage == .assigned)
        }
    }

    @Test(arguments: StoreKind.available)
    func aRecyclingRejectCoolsTheLeadDownThenItReturnsToNurturing(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let a = try ContractFixtures.assignedLead("CD-a", to: rita.id, in: store)
            let b = try ContractFixtures.assignedLead("CD-b", to: rita.id, in: store)
            let outcomes = try push(
                [mutation(1, a, .rejecting(.noBudget, note: "next year")), mutation(2, b, .rejecting(.noResponse))],
                by: rita.id, in: store)
            #expect(outcomes == [.applied, .applied])

            let endA = pushedAt + 30 * day  // no_budget: 30 days
            let endB = pushedAt + 14 * day  // no_response: 14 days
            #expect(try store.coolDownEnd(leadID: a) == endA)
            #expect(try store.coolDownEnd(leadID: b) == endB)
            #expect(try store.lead(id: a)?.stage == .recycled)
            #expect(try store.owner(of: a) == nil)
            let reject = try #require(try store.stageHistory(leadID: a).last)
            #expect(reject.trigger == .rejectRecyclable)
            #expect(reject.reason == .noBudget)
            #expect(reject.note == "next year")
            #expect(reject.at == pushedAt)

            // Both leave Rita's scope, as recycled.
            let page = try store.changes(repID: rita.id, after: 0, limit: 100, includeRemovals: true)
            #expect(page.upserts.isEmpty)
            #expect(page.removals.count == 2)
            #expect(page.removals.allSatisfy { $0.reason == .recycled })
            #expect(page.scopeCount == 0)

            #expect(try store.endCoolDowns(dueBy: endB - 1, actor: "system:recycler").isEmpty)
            #expect(try store.lead(id: b)?.stage == .recycled)
            #expect(try store.endCoolDowns(dueBy: endA, actor: "system:recycler") == [a, b].sorted())
            #expect(try store.lead(id: a)?.stage == .nurturing)
            #expect(try store.lead(id: b)?.stage == .nurturing)
            let back = try #require(try store.stageHistory(leadID: b).last)
            #expect(
                back
                    == StageChange(
                        leadID: b, from: .recycled, to: .nurturing, trigger: .coolDownEnded, actor: "system:recycler",
                        at: endA))
            #expect(try store.endCoolDowns(dueBy: endA + day, actor: "system:recycler").isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aBadTimingRejectCoolsDownUntilTheReentryDate(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let lead = try ContractFixtures.assignedLead("CD-a", to: rita.id, in: store)
            let reentry = t0 + 10 * day
            let outcomes = try push(
                [mutation(1, lead, .rejecting(.badTiming, reentryDate: reentry))], by: rita.id, in: store)
            #expect(outcomes == [.applied])
            #expect(try store.coolDownEnd(leadID: lead) == reentry)
            #expect(try store.endCoolDowns(dueBy: reentry - 1, actor: "system:recycler").isEmpty)
            #expect(try store.endCoolDowns(dueBy: reentry, actor: "system:recycler") == [lead])
        }
    }
}
