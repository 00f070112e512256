import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

@Suite("follow-up SLA")
struct SLAEscalationTests {
    @Test func escalatesAfterTheDeadlineAndNotBefore() throws {
        let world = try HandoffWorld()
        let first = try world.rep("First")
        let lead = try world.mql("lead")
        try world.router().route()
        let owner = try #require(try world.store.owner(of: lead))
        #expect(owner == first.id)
        let second = try world.rep("Second")
        let escalation = SLAEscalation(store: world.store)

        let atDeadline = try escalation.run(now: HandoffWorld.t0 + 24 * 3_600)
        #expect(atDeadline.breached == 0)
        #expect(try world.store.owner(of: lead) == first.id)
        #expect(try world.store.breaches().isEmpty)

        let late = HandoffWorld.t0 + 24 * 3_600 + 1
        let summary = try escalation.run(now: late)
        #expect(
            summary
                == SLARunSummary(
                    checked: 1, breached: 1, escalated: 1, unescalated: 0, breaches: try world.store.breaches()))
        #expect(summary.breaches.map(\.leadID) == [lead])
        #expect(try world.store.owner(of: lead) == second.id)
        let last = try #require(try world.store.stageHistory(leadID: lead).last)
        #expect(last.trigger == .reassign)
        #expect(last.actor == SLAEscalation.actor)
        #expect(last.at == late)
        let breach = try #require(try world.store.breaches().first)
        #expect(breach.repID == first.id)
        #expect(breach.escalatedTo == second.id)
        #expect(breach.deadline == HandoffWorld.t0 + 24 * 3_600)

        // The new rep gets a fresh SLA from the reassignment.
        #expect(try escalation.run(now: late + 23 * 3_600).breached == 0)
        #expect(try escalation.run(now: late + 24 * 3_600 + 1).escalated == 1)
        #expect(try world.store.owner(of: lead) == first.id)
    }

    @Test func theSLAIsConfigurableInHours() throws {
        let world = try HandoffWorld()
        try world.rep("First")
        let lead = try world.mql("lead")
        try world.router().route()
        try world.rep("Second")
        let oneHour = SLAEscalation(store: world.store, slaHours: 1)
        #expect(try oneHour.run(now: HandoffWorld.t0 + 3_599).breached == 0)
        #expect(try oneHour.run(now: HandoffWorld.t0 + 3_601).escalated == 1)
        #expect(try world.store.stageHistory(leadID: lead).last?.trigger == .reassign)
    }

    @Test func acceptedLeadsAreNotEscalated() throws {
        let world = try HandoffWorld()
        let rep = try world.rep("First")
        try world.rep("Second")
        let lead = try world.mql("lead")
        try world.router().route()
        let owner = try #require(try world.store.owner(of: lead))
        try world.push(owner, lead, .accept)
        let summary = try SLAEscalation(store: world.store).run(now: HandoffWorld.t0 + 72 * 3_600)
        #expect(summary.checked == 0)
        #expect(try world.store.owner(of: lead) == owner)
        _ = rep
    }

    @Test func aBreachWithNoOtherRepIsRecordedOnceAndTheLeadStays() throws {
        let world = try HandoffWorld()
        let only = try world.rep("Only")
        let lead = try world.mql("lead")
        try world.router().route()
        let escalation = SLAEscalation(store: world.store)
        let first = try escalation.run(now: HandoffWorld.t0 + 25 * 3_600)
        #expect(first.unescalated == 1)
        try escalation.run(now: HandoffWorld.t0 + 26 * 3_600)
        #expect(try world.store.breaches().count == 1)
        #expect(try world.store.breaches().first?.escalatedTo == nil)
        #expect(try world.store.owner(of: lead) == only.id)
    }

    @Test func escalationRespectsTerritoryAndCapacity() throws {
        let world = try HandoffWorld()
        let ana = try world.rep("Ana")
        try world.rep("Nina")
        let full = try world.rep("Full", capacity: 0)
        let rules = RoutingRules(
            territories: [
                RoutingTerritory(
                    name: "brazil", conditions: [TerritoryMatch(field: "country", values: ["BR"])],
                    repEmails: [ana.email, full.email])
            ], defaultRepEmails: nil)
        let lead = try world.mql("lead", country: "BR")
        try world.router(rules).route()
        #expect(try world.store.owner(of: lead) == ana.id)
        // Nina is outside the territory, Full has no capacity: nobody to escalate to.
        let summary = try SLAEscalation(store: world.store, rules: rules).run(now: HandoffWorld.t0 + 30 * 3_600)
        #expect(summary.unescalated == 1)
        #expect(try world.store.owner(of: lead) == ana.id)
    }
}
