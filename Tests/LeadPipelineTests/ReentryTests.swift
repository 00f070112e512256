import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

@Suite("re-entry after recycling")
struct ReentryTests {
    static let rejection = RecordedRejection(
        leadID: LeadID(), reason: .noBudget, rejectedAt: HandoffWorld.t0, scoreAtRejection: 60,
        coolDownUntil: HandoffWorld.t0 + 30 * 86_400)

    @Test func theGateIsAPureFunctionOfCoolDownAndScoreRise() {
        let gate = ReentryGate()
        let end = HandoffWorld.t0 + 30 * 86_400
        #expect(gate.decide(rejection: nil, coolDownEnd: nil, currentScore: 10, now: end) == .notRejected)
        let original = LeadID()
        #expect(
            gate.decide(rejection: nil, coolDownEnd: nil, currentScore: 99, now: end, mergedInto: original)
                == .merged(into: original))
        #expect(
            gate.decide(rejection: Self.rejection, coolDownEnd: end, currentScore: 99, now: end - 1)
                == .coolingDown(until: end))
        #expect(
            gate.decide(rejection: Self.rejection, coolDownEnd: end, currentScore: 69.9, now: end)
                == .needsEngagement(required: 70, current: 69.9))
        #expect(gate.decide(rejection: Self.rejection, coolDownEnd: end, currentScore: 70, now: end) == .allowed)
        #expect(
            ReentryGate(margin: 25).decide(rejection: Self.rejection, coolDownEnd: end, currentScore: 80, now: end)
                == .needsEngagement(required: 85, current: 80))
    }

    @Test func noRequalificationWithoutNewEngagementThenRequalificationAfterIt() throws {
        let world = try HandoffWorld()
        let rep = try world.rep("Rep")
        let lead = try world.mql("lead", score: 60)
        try world.router().route()
        try world.push(rep.id, lead, .rejecting(.noBudget))
        #expect(try world.store.rejection(leadID: lead)?.scoreAtRejection == 60)
        let batch = try world.store.rejections(leadIDs: [lead])[lead]
        #expect(batch?.scoreAtRejection == 60)
        #expect(batch?.coolDownUntil == HandoffWorld.t0 + 30 * 86_400)
        let recycling = Recycling(store: world.store)

        // During the cool-down: even a big score rise does not bring it back.
        world.clock.advance(86_400)
        try world.score(lead, 95)
        #expect(try world.stage(lead) == .recycled)
        #expect(
            try recycling.reentryDecision(leadID: lead, now: world.clock.now)
                == .coolingDown(until: HandoffWorld.t0 + 30 * 86_400))

        // After the cool-down: back to nurturing; with the score where it was rejected, it stays there.
        try world.score(lead, 60)
        let end = HandoffWorld.t0 + 30 * 86_400
        try recycling.run(now: end)
        #expect(try world.stage(lead) == .nurturing)
        let stay = try recycling.requalifyIfEngaged(leadID: lead, now: end)
        #expect(stay == .needsEngagement(required: 70, current: 60))
        #expect(try world.stage(lead) == .nurturing)
        try world.score(lead, 69)
        #expect(try recycling.requalifyIfEngaged(leadID: lead, now: end) == .needsEngagement(required: 70, current: 69))
        #expect(try world.stage(lead) == .nurturing)

        // New engagement lifts the score by the margin: it re-qualifies, and the router hands it out again.
        try world.score(lead, 72)
        #expect(try recycling.requalifyIfEngaged(leadID: lead, now: end + 60) == .allowed)
        #expect(try world.stage(lead) == .mql)
        let last = try #require(try world.store.stageHistory(leadID: lead).last)
        #expect(last.from == .nurturing && last.to == .mql && last.trigger == .score)
        #expect(last.at == end + 60)
        #expect(try world.router().route().routed == 1)
        #expect(try world.stage(lead) == .assigned)
    }

    @Test func aMergedDuplicateNeverRequalifiesAndBatchReadsAgree() throws {
        let world = try HandoffWorld()
        try world.rep("Rep")
        let original = try world.mql("original", email: "kim@example.com", createdAt: HandoffWorld.t0)
        let copy = try world.mql("copy", score: 90, email: "KIM@example.com", createdAt: HandoffWorld.t0 + 60)
        try world.router().route()
        #expect(try world.stage(copy) == .nurturing)
        let recycling = Recycling(store: world.store)
        #expect(try recycling.requalifyIfEngaged(leadID: copy, now: world.clock.now) == .merged(into: original))
        #expect(try world.stage(copy) == .nurturing)
        #expect(try world.store.mergeTargets(leadIDs: [copy, original]) == [copy: original])
        #expect(try world.store.rejections(leadIDs: [copy, original]).isEmpty)
    }

    @Test func everyStepOfTheLoopIsAHistoryRowWithActorTimeAndReason() throws {
        let world = try HandoffWorld()
        let rep = try world.rep("Rep")
        let lead = try world.mql("lead", score: 60)
        try world.router().route()
        world.clock.advance(7_200)
        try world.push(rep.id, lead, .rejecting(.noResponse))
        try Recycling(store: world.store).run(now: HandoffWorld.t0 + 7_200 + 14 * 86_400)
        let rows = try world.store.stageHistory(leadID: lead)
        #expect(rows.map(\.to) == [.mql, .assigned, .recycled, .nurturing])
        #expect(rows.map(\.actor) == ["system:scoring", Router.actor, "rep:\(rep.id)", Recycling.actor])
        #expect(rows[2].reason == .noResponse)
        #expect(
            rows.map(\.at) == [
                HandoffWorld.t0, HandoffWorld.t0, HandoffWorld.t0 + 7_200, HandoffWorld.t0 + 7_200 + 14 * 86_400,
            ])
    }
}
