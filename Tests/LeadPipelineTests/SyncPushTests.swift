import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

@Suite("Sync push")
struct SyncPushTests {
    /// S5: the response to m7 is lost; the device retries, twice more at the same time.
    @Test func retriedPushIsIdempotentAndAReusedIdWithAnotherPayloadIsAConflict() async throws {
        let world = try SyncWorld()
        let lead = try world.assignedLeads(1, to: world.r1)[0]
        #expect(try world.push(world.r1, client: "d1", [(lead, .accept)], firstID: 7) == [.applied])

        let retries = try await withThrowingTaskGroup(of: [PushOutcome].self) { group in
            for _ in 0..<2 {
                group.addTask { try world.push(world.r1, client: "d1", [(lead, .accept)], firstID: 7) }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(retries == [.duplicate, .duplicate])
        #expect(try world.store.stageHistory(leadID: lead).filter { $0.trigger == .accept }.count == 1)
        #expect(
            try world.push(world.r1, client: "d1", [(lead, .addNote(text: "other payload"))], firstID: 7)
                == [.rejected(.conflict)])
        #expect(try world.store.notes(leadID: lead).isEmpty)
    }

    /// S8: one bad mutation neither blocks nor undoes the others.
    @Test func oneBadMutationIsRejectedAndTheQueueMovesOn() throws {
        let world = try SyncWorld()
        let leads = try world.assignedLeads(3, to: world.r1)
        try world.store.transition(
            .init(leadID: leads[2], to: .accepted, trigger: .accept, actor: "rep:x", at: SyncWorld.t0))
        let outcomes = try world.push(
            world.r1, client: "d1",
            [
                (leads[0], .accept), (leads[1], .reject(reason: "too_expensive", note: nil, reentryDate: nil)),
                (leads[2], .convert),
            ],
            firstID: 1)
        #expect(outcomes == [.applied, .rejected(.unknownReason), .applied])
        #expect(try world.store.lead(id: leads[0])?.stage == .accepted)
        #expect(try world.store.lead(id: leads[1])?.stage == .assigned)
        #expect(try world.store.lead(id: leads[2])?.stage == .converted)
        // The rejected id was consumed: the next push continues at 4.
        #expect(try world.push(world.r1, client: "d1", [(leads[1], .rejecting(.noNeed))], firstID: 4) == [.applied])
        var device = Replica()
        try world.pullAll(&device, rep: world.r1)
        #expect(device.leads.keys.sorted() == [leads[0]])
    }

    /// S9: ids [5, 7], then [4], then [6, 7].
    @Test func gapsAreRefusedOlderIdsAreDuplicatesAndEachIdHasOneEffect() throws {
        let world = try SyncWorld()
        let lead = try world.assignedLeads(1, to: world.r1)[0]
        func note(_ id: Int64) -> Mutation {
            Mutation(clientID: "d1", mutationID: id, leadID: lead, intent: .addNote(text: "note \(id)"))
        }
        func push(_ ids: [Int64]) throws -> [PushResult] {
            try world.sync.push(repID: world.r1, PushRequest(clientID: "d1", mutations: ids.map(note)))
        }
        #expect(
            try push([5, 7]) == [
                .init(mutationID: 5, outcome: .applied), .init(mutationID: 7, outcome: .rejected(.gap)),
            ])
        #expect(try push([4]) == [.init(mutationID: 4, outcome: .duplicate)])
        #expect(
            try push([6, 7]) == [.init(mutationID: 6, outcome: .applied), .init(mutationID: 7, outcome: .applied)])
        #expect(try push([5, 6, 7]).map(\.outcome) == [.duplicate, .duplicate, .duplicate])
        #expect(try world.store.notes(leadID: lead).map(\.text) == ["note 5", "note 6", "note 7"])
    }

    /// S12: a recyclable reject moves the lead to `recycled` with the history row and removes it
    /// from the device with reason `recycled`.
    @Test func recycledLeadLeavesTheRepWithItsReasonRecorded() throws {
        let world = try SyncWorld()
        let l8 = try world.assignedLeads(1, to: world.r1)[0]
        var d1 = Replica()
        try world.pullAll(&d1, rep: world.r1)
        #expect(
            try world.push(world.r1, client: "d1", [(l8, .rejecting(.noBudget, note: "next year"))], firstID: 1)
                == [.applied])
        #expect(try world.store.lead(id: l8)?.stage == .recycled)
        let last = try #require(try world.store.stageHistory(leadID: l8).last)
        #expect(last.from == .assigned && last.to == .recycled && last.trigger == .rejectRecyclable)
        #expect(last.reason == .noBudget && last.note == "next year" && last.actor == "rep:\(world.r1)")
        #expect(try world.store.coolDownEnd(leadID: l8) == SyncWorld.t0 + 30 * 86_400)
        #expect(try world.store.owner(of: l8) == nil)
        try world.pullAll(&d1, rep: world.r1)
        #expect(d1.leads.isEmpty && d1.removed[l8] == .recycled)

        // After the 30-day cool-down the lead is back in nurturing.
        let recycling = Recycling(store: world.store)
        world.clock.advance(29 * 86_400)
        #expect(try recycling.run(now: world.clock.now).returnedLeadIDs.isEmpty)
        world.clock.advance(86_400)
        #expect(try recycling.run(now: world.clock.now).returnedLeadIDs == [l8])
        #expect(try world.store.lead(id: l8)?.stage == .nurturing)
        #expect(try world.store.stageHistory(leadID: l8).last?.trigger == .coolDownEnded)
        #expect(try world.store.coolDownEnd(leadID: l8) == nil)
    }

    @Test(arguments: [
        (ReasonCode.notICP, LifecycleStage.disqualified, RemovalReason.disqualified),
        (.spam, .disqualified, .disqualified), (.noNeed, .recycled, .recycled),
    ])
    func rejectAppliesTheReasonsDisposition(reason: ReasonCode, stage: LifecycleStage, removal: RemovalReason) throws {
        let world = try SyncWorld()
        let lead = try world.assignedLeads(1, to: world.r1)[0]
        var d1 = Replica()
        try world.pullAll(&d1, rep: world.r1)
        #expect(try world.push(world.r1, client: "d1", [(lead, .rejecting(reason))], firstID: 1) == [.applied])
        #expect(try world.store.lead(id: lead)?.stage == stage)
        try world.pullAll(&d1, rep: world.r1)
        #expect(d1.removed[lead] == removal)
    }

    @Test func badTimingReentryDateReplacesTheCoolDown() throws {
        let world = try SyncWorld()
        let lead = try world.assignedLeads(1, to: world.r1)[0]
        let reentry = SyncWorld.t0 + 200 * 86_400
        #expect(
            try world.push(world.r1, client: "d1", [(lead, .rejecting(.badTiming, reentryDate: reentry))], firstID: 1)
                == [.applied])
        #expect(try world.store.coolDownEnd(leadID: lead) == reentry)
    }

    @Test func everyIntentIsRevalidatedAgainstTheCurrentState() throws {
        let world = try SyncWorld()
        let leads = try world.assignedLeads(2, to: world.r1)
        let outcomes = try world.push(
            world.r1, client: "d1",
            [
                (leads[0], .convert),  // assigned: must be accepted first
                (leads[0], .rejecting(.other)),  // other needs a note
                (leads[0], .rejecting(.other, note: "   ")),
                (leads[0], .addNote(text: "  ")),
                (leads[0], .correctContact(ContactCorrection())),
                (LeadID(), .accept),
                (leads[0], .accept),
                (leads[0], .accept),  // already accepted
                (leads[1], .correctContact(ContactCorrection(email: " New@Example.com ", phone: "+44 20 7946 0000"))),
                (leads[0], .convert),
                (leads[0], .convert),  // converted: out of the scope now
            ],
            firstID: 1)
        #expect(
            outcomes == [
                .rejected(.invalidTransition), .rejected(.noteRequired), .rejected(.noteRequired),
                .rejected(.invalidMutation), .rejected(.invalidMutation), .rejected(.unknownLead), .applied,
                .rejected(.invalidTransition), .applied, .applied, .rejected(.notAssigned),
            ])
        let corrected = try #require(try world.store.lead(id: leads[1]))
        #expect(corrected.email?.address == "New@Example.com" && corrected.phone == "+44 20 7946 0000")
        var device = Replica()
        try world.pullAll(&device, rep: world.r1)
        #expect(device.leads[leads[1]]?.email == "New@Example.com")
        #expect(device.leads[leads[0]] == nil)
    }

    /// S11 and S17: a lead of another rep, a lead that left, a client id of another rep.
    @Test func anotherRepsLeadIsNotAssignedAndAnotherRepsClientIDIsForbidden() throws {
        let world = try SyncWorld()
        let r1Leads = try world.assignedLeads(2, to: world.r1)
        _ = try world.assignedLeads(1, to: world.r2, prefix: "r2")
        #expect(
            try world.push(world.r1, client: "d1", [(r1Leads[0], .addNote(text: "mine"))], firstID: 1) == [.applied])

        #expect(
            try world.push(world.r2, client: "d2", [(r1Leads[0], .accept)], firstID: 1) == [.rejected(.notAssigned)])
        #expect(throws: SyncError.forbidden) {
            try world.push(world.r2, client: "d1", [(r1Leads[1], .accept)], firstID: 2)
        }
        #expect(try world.store.lead(id: r1Leads[0])?.stage == .assigned)
        #expect(try world.store.lead(id: r1Leads[1])?.stage == .assigned)

        var d2 = Replica()
        try world.pullAll(&d2, rep: world.r2)
        #expect(d2.leads.keys.allSatisfy { !r1Leads.contains($0) } && d2.leads.count == 1)

        // S11: reassigned away while D1 was offline; D1's reject is refused, R2's lead untouched.
        try world.assignment.assign(r1Leads[1], to: world.r2, actor: "admin:mgr")
        #expect(
            try world.push(world.r1, client: "d1", [(r1Leads[1], .rejecting(.noBudget))], firstID: 2)
                == [.rejected(.notAssigned)])
        #expect(try world.store.lead(id: r1Leads[1])?.stage == .assigned)
        #expect(try world.store.owner(of: r1Leads[1]) == world.r2)
    }

    @Test func malformedPushesAreInvalidRequests() throws {
        let world = try SyncWorld()
        let lead = LeadID()
        let cases: [(PushRequest, String)] = [
            (PushRequest(clientID: "", mutations: []), "clientID must be 1 to 200 characters"),
            (
                PushRequest(
                    clientID: "d1", mutations: [Mutation(clientID: "d2", mutationID: 1, leadID: lead, intent: .accept)]),
                "mutations[0].clientID differs from the request's clientID"
            ),
            (
                PushRequest(
                    clientID: "d1", mutations: [Mutation(clientID: "d1", mutationID: 0, leadID: lead, intent: .accept)]),
                "mutations[0].mutationID must be at least 1"
            ),
            (
                PushRequest(
                    clientID: "d1",
                    mutations: (1...1_001).map {
                        Mutation(clientID: "d1", mutationID: Int64($0), leadID: lead, intent: .accept)
                    }),
                "at most 1000 mutations per push, got 1001"
            ),
        ]
        for (request, detail) in cases {
            #expect(throws: SyncError.invalidRequest(detail)) { try world.sync.push(repID: world.r1, request) }
        }
    }
}
