import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

@Suite("reject dispositions and recycling")
struct DispositionTests {
    /// A lead routed to a rep and rejected through the device push with `reason`.
    static func rejected(
        _ reason: ReasonCode, reentryDate: Date? = nil, world: HandoffWorld
    ) throws -> (lead: LeadID, rep: RepID) {
        let rep = try world.rep("Rep")
        let lead = try world.mql("lead", score: 60)
        try world.router().route()
        world.clock.advance(3_600)
        let note = reason.entry.requiresNote ? "met at a fair, not a buyer" : nil
        let outcome = try world.push(rep.id, lead, .rejecting(reason, note: note, reentryDate: reentryDate))
        #expect(outcome == .applied)
        return (lead, rep.id)
    }

    @Test(arguments: ReasonCode.allCases)
    func eachReasonDoesWhatTheTableSays(reason: ReasonCode) throws {
        let world = try HandoffWorld()
        let (lead, rep) = try Self.rejected(reason, world: world)
        let rejectedAt = HandoffWorld.t0 + 3_600
        let history = try world.store.stageHistory(leadID: lead)
        let reject = try #require(history.last)
        #expect(reject.reason == reason)
        #expect(reject.actor == "rep:\(rep)")
        #expect(reject.at == rejectedAt)
        let rejection = try #require(try world.store.rejection(leadID: lead))
        #expect(rejection.scoreAtRejection == 60)
        #expect(rejection.reason == reason)
        let recycling = Recycling(store: world.store)
        switch reason.entry.disposition {
        case .recycle(let days):
            #expect(try world.stage(lead) == .recycled)
            let end = rejectedAt + Double(days) * 86_400
            #expect(try recycling.coolDownEnd(of: lead) == end)
            #expect(try recycling.run(now: end - 1).returnedToNurturing == 0)
            #expect(try world.stage(lead) == .recycled)
            #expect(try recycling.run(now: end).returnedToNurturing == 1)
            #expect(try world.stage(lead) == .nurturing)
            let back = try #require(try world.store.stageHistory(leadID: lead).last)
            #expect(back.trigger == .coolDownEnded)
            #expect(back.actor == Recycling.actor)
            #expect(back.at == end)
        case .disqualify:
            #expect(try world.stage(lead) == .disqualified)
            // Terminal: the recycler never brings it back, however long we wait.
            try recycling.run(now: rejectedAt + 3_650 * 86_400)
            #expect(try world.stage(lead) == .disqualified)
        }
    }

    @Test func badTimingRecyclesUntilTheReentryDate() throws {
        let world = try HandoffWorld()
        let reentry = HandoffWorld.t0 + 10 * 86_400
        let (lead, _) = try Self.rejected(.badTiming, reentryDate: reentry, world: world)
        let recycling = Recycling(store: world.store)
        #expect(try recycling.coolDownEnd(of: lead) == reentry)
        #expect(try recycling.run(now: reentry - 1).stillCoolingDown == 1)
        #expect(try recycling.run(now: reentry).returnedToNurturing == 1)
        // The re-entry date is remembered after the cool-down row is gone.
        #expect(try recycling.coolDownEnd(of: lead) == reentry)
    }

    @Test func otherWithoutANoteIsRefused() throws {
        let world = try HandoffWorld()
        let rep = try world.rep("Rep")
        let lead = try world.mql("lead")
        try world.router().route()
        #expect(try world.push(rep.id, lead, .rejecting(.other)) == .rejected(.noteRequired))
        #expect(try world.stage(lead) == .assigned)
    }

    @Test func aDuplicateIsMergedIntoTheEarlierLead() throws {
        let world = try HandoffWorld()
        let rep = try world.rep("Rep")
        let original = try world.mql("original", email: "sam@shop.example.com", createdAt: HandoffWorld.t0)
        try LeadAssignment(store: world.store).assign(original, to: rep.id, actor: "admin:test")
        try world.push(rep.id, original, .accept)
        let copy = try world.mql(
            "copy", email: "SAM@shop.example.com", createdAt: HandoffWorld.t0 + 86_400)
        try LeadAssignment(store: world.store).assign(copy, to: rep.id, actor: "admin:test")
        try world.push(rep.id, copy, .rejecting(.duplicate))
        #expect(try world.stage(copy) == .disqualified)
        let summary = try Recycling(store: world.store).run(now: world.clock.now)
        #expect(summary.merged == 1)
        #expect(try world.store.mergeTarget(of: copy) == original)
        #expect(try world.store.followUp(leadID: copy)?.mergedInto == original)
        #expect(try Recycling(store: world.store).run(now: world.clock.now).merged == 0)
    }

    @Test func anExistingCustomerGoesToTheAccountOwner() throws {
        let world = try HandoffWorld()
        let owner = try world.rep("Owner")
        let other = try world.rep("Other")
        let won = try world.mql("won", email: "buyer@acme.example.com")
        try LeadAssignment(store: world.store).assign(won, to: owner.id, actor: "admin:test")
        try world.push(owner.id, won, .accept)
        try world.push(owner.id, won, .convert)
        let again = try world.mql("again", email: "colleague@acme.example.com")
        try LeadAssignment(store: world.store).assign(again, to: other.id, actor: "admin:test")
        try world.push(other.id, again, .rejecting(.existingCustomer))
        #expect(try world.stage(again) == .disqualified)
        #expect(try Recycling(store: world.store).run(now: world.clock.now).routedToAccountOwner == 1)
        let followUp = try #require(try world.store.followUp(leadID: again))
        #expect(followUp.reason == .existingCustomer)
        #expect(followUp.accountOwner == owner.id)
    }
}
