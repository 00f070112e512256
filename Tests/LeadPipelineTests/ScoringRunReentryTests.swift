import Foundation
import LeadModel
import LeadPipeline
import LeadScoring
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

/// The scoring run asks the re-entry gate before it hands a once-rejected lead back to sales.
@Suite("scoring run: re-entry of recycled leads")
struct ScoringRunReentryTests {
    /// Country India gives 60 fit points; each webinar 10 (no decay); 50 qualifies.
    static func model(version: Int) throws -> ScoringModel {
        var model = try ScoringModelLoader.parse(
            """
            version: 1
            name: re-entry
            fitRules:
              - {id: india, label: Works in India, field: country, equals: India, points: 60}
            engagementRules:
              - {id: webinar, label: Attended a webinar, eventType: webinar, points: 10, cap: 50}
            gradeBands: {a: 60, b: 40, c: 20}
            qualification: {threshold: 50}
            """, path: "re-entry.yaml")
        model.version = version
        return model
    }

    @Test func aRecycledLeadRequalifiesOnlyAfterItsCoolDownAndNewEngagement() throws {
        let world = try HandoffWorld()
        let rep = try world.rep("Rep")
        let lead = try world.mql("lead", score: nil, country: "India")
        let model = try Self.model(version: world.modelVersion)
        let clock = world.clock
        let run = ScoringRun(store: world.store, clock: { clock.now })
        _ = try run.run(model: model)
        #expect(try world.store.currentScore(leadID: lead)?.total == 60)
        try world.router().route()
        try world.push(rep.id, lead, .rejecting(.noBudget))
        #expect(try world.stage(lead) == .recycled)
        #expect(try world.store.rejections(leadIDs: [lead])[lead]?.scoreAtRejection == 60)

        // After the 30-day cool-down it is back in nurturing; it still qualifies (60 ≥ 50) but
        // without new engagement the gate keeps it there, run after run.
        clock.advance(31 * 86_400)
        try Recycling(store: world.store).run(now: clock.now)
        #expect(try world.stage(lead) == .nurturing)
        let held = try run.run(model: model)
        #expect(held.heldByReentryGate == 1)
        #expect(held.movedToMQL == 0)
        #expect(try world.stage(lead) == .nurturing)

        // One webinar (+10) reaches the score at rejection plus the 10-point margin: back to mql.
        try world.store.addEvents([EngagementEvent(leadID: lead, type: "webinar", occurredAt: clock.now)])
        let requalified = try run.run(model: model)
        #expect(requalified.heldByReentryGate == 0)
        #expect(requalified.movedToMQL == 1)
        #expect(try world.stage(lead) == .mql)
        let last = try #require(try world.store.stageHistory(leadID: lead).last)
        #expect(last.from == .nurturing && last.to == .mql && last.actor == ScoringRun.actor)
    }
}
