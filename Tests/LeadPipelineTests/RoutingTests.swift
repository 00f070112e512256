import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

@Suite("routing")
struct RoutingTests {
    static let rules = RoutingRules(
        territories: [
            RoutingTerritory(
                name: "brazil", conditions: [TerritoryMatch(field: "country", values: ["BR"])],
                repEmails: [EmailAddress("ana@example.com")]),
            RoutingTerritory(
                name: "north", conditions: [TerritoryMatch(field: "region", values: ["North"])],
                repEmails: [EmailAddress("nina@example.com")]),
        ],
        defaultRepEmails: [EmailAddress("carl@example.com")])

    @Test func leadsGoToTheRepsOfTheirTerritoryByFieldOrAttribute() throws {
        let world = try HandoffWorld()
        let ana = try world.rep("Ana")
        let nina = try world.rep("Nina")
        let carl = try world.rep("Carl")
        let br = try world.mql("br", country: "br ")
        let north = try world.mql("north", country: "US", region: "north")
        let other = try world.mql("other", country: "US")
        let summary = try world.router(Self.rules).route()
        #expect(summary.routed == 3)
        #expect(try world.store.owner(of: br) == ana.id)
        #expect(try world.store.owner(of: north) == nina.id)
        #expect(try world.store.owner(of: other) == carl.id)
        let history = try world.store.stageHistory(leadID: br)
        #expect(history.last?.trigger == .route)
        #expect(history.last?.actor == Router.actor)
        #expect(history.last?.at == HandoffWorld.t0)
    }

    @Test func highestScoreFirstAndTheRestWaitInOverflow() throws {
        let world = try HandoffWorld()
        let rep = try world.rep("Carl", capacity: 2)
        let low = try world.mql("low", score: 10)
        let high = try world.mql("high", score: 90)
        let middle = try world.mql("middle", score: 50)
        let summary = try world.router().route()
        #expect(summary.routed == 2)
        #expect(summary.overflow == 1)
        #expect(try world.store.owner(of: high) == rep.id)
        #expect(try world.store.owner(of: middle) == rep.id)
        #expect(try world.stage(low) == .mql)
        #expect(try world.store.overflow().map(\.leadID) == [low])
    }

    @Test func allRepsFullMeansEveryLeadWaitsInOverflowUntilCapacityFrees() throws {
        let world = try HandoffWorld()
        let rep = try world.rep("Carl", capacity: 1)
        let first = try world.mql("first", score: 80)
        try world.router().route()
        let waiting = try (0..<3).map { try world.mql("wait\($0)", score: 70) }
        world.clock.advance(3_600)
        let summary = try world.router().route()
        #expect(summary.routed == 0)
        #expect(summary.overflow == 3)
        #expect(Set(try world.store.overflow().map(\.leadID)) == Set(waiting))
        // A later run keeps the original waiting time.
        world.clock.advance(3_600)
        try world.router().route()
        #expect(try world.store.overflow().allSatisfy { $0.since == HandoffWorld.t0 + 3_600 })
        // The rep converts the first lead: capacity frees, one waiting lead is routed.
        try world.push(rep.id, first, .accept)
        try world.push(rep.id, first, .convert)
        let after = try world.router().route()
        #expect(after.routed == 1)
        #expect(after.overflow == 2)
    }

    @Test func roundRobinIsWeightedByRemainingCapacity() throws {
        let world = try HandoffWorld()
        let big = try world.rep("Big", capacity: 6)
        let small = try world.rep("Small", capacity: 3)
        // Small already holds two open leads: remaining 6 vs 1.
        for index in 0..<2 {
            let id = try world.mql("held\(index)")
            try LeadAssignment(store: world.store).assign(id, to: small.id, actor: "admin:test")
        }
        for index in 0..<7 { try world.mql("new\(index)") }
        let summary = try world.router().route()
        #expect(summary.routed == 7)
        #expect(summary.perRep[big.email.address] == 6)
        #expect(summary.perRep[small.email.address] == 1)
        #expect(try world.store.openLeadCounts()[small.id] == 3)
    }

    @Test func smoothWeightedRoundRobinInterleaves() {
        let a = RepID()
        let b = RepID()
        var robin = WeightedRoundRobin()
        let picks = (0..<4).compactMap { _ in robin.next(among: [a, b]) { $0 == a ? 3 : 1 } }
        #expect(picks.filter { $0 == a }.count == 3)
        #expect(picks.filter { $0 == b }.count == 1)
        #expect(picks[0] == a && picks[1] == a && picks[2] == b)
        #expect(robin.next(among: [a, b]) { _ in 0 } == nil)
    }

    @Test func aDeactivatedRepHoldsNothingTheirAssignedAndAcceptedLeadsAreRerouted() throws {
        let world = try HandoffWorld()
        let leaving = try world.rep("Leaving")
        let staying = try world.rep("Staying")
        let assignment = LeadAssignment(store: world.store, now: { HandoffWorld.t0 })
        let open = try (0..<2).map { try world.mql("open\($0)") }
        let accepted = try world.mql("accepted")
        for id in open + [accepted] { try assignment.assign(id, to: leaving.id, actor: "admin:test") }
        try world.push(leaving.id, accepted, .accept)

        world.clock.advance(60)
        let summary = try RepDeactivation(store: world.store, now: { world.clock.now }).run(leaving.id)
        #expect(summary.routing.rerouted == 3)
        #expect(summary.routing.releasedToOverflow == 0)
        #expect(summary.rep.isActive == false)
        for id in open {
            #expect(try world.store.owner(of: id) == staying.id)
            let last = try world.store.stageHistory(leadID: id).last
            #expect(last?.trigger == .reassign)
            #expect(last?.from == .assigned && last?.to == .assigned)
        }
        #expect(try world.store.owner(of: accepted) == staying.id)
        #expect(try world.store.stageHistory(leadID: accepted).last?.to == .accepted)  // no stage change recorded

        let fresh = try (0..<3).map { try world.mql("fresh\($0)") }
        try world.router().route()
        for id in fresh { #expect(try world.store.owner(of: id) == staying.id) }
        #expect(try world.store.openLeadCounts()[leaving.id] == nil)
    }

    @Test func leadsNobodyCanTakeLeaveTheDeactivatedRepForOverflowAndTheNextRouteHandsThemOn() throws {
        let world = try HandoffWorld()
        let leaving = try world.rep("Leaving")
        let assignment = LeadAssignment(store: world.store, now: { HandoffWorld.t0 })
        let open = try world.mql("open")
        let accepted = try world.mql("accepted")
        for id in [open, accepted] { try assignment.assign(id, to: leaving.id, actor: "admin:test") }
        try world.push(leaving.id, accepted, .accept)

        let summary = try RepDeactivation(store: world.store, now: { world.clock.now }).run(leaving.id)
        #expect(summary.routing.releasedToOverflow == 2)
        #expect(try world.store.owner(of: open) == nil)
        #expect(try world.store.owner(of: accepted) == nil)
        #expect(Set(try world.store.overflow().map(\.leadID)) == [open, accepted])
        #expect(try world.store.lead(id: accepted)?.stage == .accepted)

        let newcomer = try world.rep("Newcomer")
        let route = try world.router().route()
        #expect(route.rerouted == 2)
        #expect(try world.store.owner(of: open) == newcomer.id)
        #expect(try world.store.owner(of: accepted) == newcomer.id)
        #expect(try world.store.lead(id: accepted)?.stage == .accepted)
        #expect(try world.store.overflow().isEmpty)
    }

    @Test func routeAlsoReroutesLeadsOfRepsDeactivatedEarlier() throws {
        let world = try HandoffWorld()
        let leaving = try world.rep("Leaving")
        let staying = try world.rep("Staying")
        let lead = try world.mql("lead")
        try LeadAssignment(store: world.store).assign(lead, to: leaving.id, actor: "admin:test")
        try world.store.deactivateRep(id: leaving.id)
        let summary = try world.router().route()
        #expect(summary.rerouted == 1)
        #expect(try world.store.owner(of: lead) == staying.id)
    }

    @Test func duplicatesAreMergedIntoTheEarlierLeadBeforeRouting() throws {
        let world = try HandoffWorld()
        try world.rep("Carl")
        let original = try world.mql("original", email: "Pat@Example.com", createdAt: HandoffWorld.t0)
        let later = try world.mql(
            "later", score: 95, email: " pat@example.com", createdAt: HandoffWorld.t0 + 86_400)
        let summary = try world.router().route()
        #expect(summary.mergedDuplicates == 1)
        #expect(summary.routed == 1)
        #expect(try world.stage(original) == .assigned)
        #expect(try world.stage(later) == .nurturing)
        #expect(try world.store.mergeTarget(of: later) == original)
        let last = try world.store.stageHistory(leadID: later).last
        #expect(last?.reason == .duplicate)
        #expect(last?.actor == Router.actor)
        #expect(last?.note == "merged into lead \(original)")
    }

    @Test func theShippedExampleRulesParse() throws {
        let path = Fixtures.packageRoot.appendingPathComponent("routing/example.yaml").path
        let rules = try RoutingRules.parse(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(!rules.territories.isEmpty)
        #expect(rules.defaultRepEmails?.isEmpty == false)
    }

    @Test(arguments: [
        ("territories: [{name: a, reps: [x@example.com]}]", "territories[0] 'a': no `match`"),
        (
            "territories: [{name: a, match: {country: [BR]}, reps: [not-an-email]}]",
            "'not-an-email' is not a valid rep email"
        ),
        ("territories: [{name: default, match: {country: [BR]}, reps: [x@example.com]}]", "reserved"),
        ("territories: [{name: a, match: {country: [BR]}, reps: []}]", "no reps"),
        ("territories: 3", "not a routing rules document"),
    ])
    func badRulesNameTheFileAndPlace(yaml: String, message: String) {
        #expect {
            try RoutingRules.parse(yaml: yaml, file: "rules.yaml")
        } throws: { error in
            let description = (error as? RoutingRulesError)?.description ?? ""
            return description.hasPrefix("rules.yaml") && description.contains(message)
        }
    }

    @Test func withoutRulesRepsTerritoriesMatchLeadCountries() throws {
        let world = try HandoffWorld()
        let brazil = try world.rep("Bruna", territory: "BR")
        let anywhere = try world.rep("Any")
        let br = try world.mql("br", country: "BR")
        let us = try world.mql("us", country: "US")
        try world.router().route()
        #expect(try world.store.owner(of: br) == brazil.id)
        #expect(try world.store.owner(of: us) == anywhere.id)
    }
}
