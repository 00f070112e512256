import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import Testing

/// The stored routing rules: which rules a run uses (given, else stored, else the reps'
/// territories), and a bad document never replacing the version in force.
@Suite("routing rules catalog")
struct RoutingRulesCatalogTests {
    static let document = """
        territories:
          - name: brazil
            match: {country: [BR]}
            reps: [ana@example.com]
        default:
          reps: [carl@example.com]
        """

    @Test func routerAndSLAUseTheStoredRulesWhenNoneAreGiven() throws {
        let world = try HandoffWorld()
        let ana = try world.rep("Ana")
        let carl = try world.rep("Carl")
        let nina = try world.rep("Nina")
        let catalog = RoutingRulesCatalog(store: world.store)
        let stored = try catalog.set(
            document: Self.document, source: "rules.yaml", createdBy: "admin:test", note: "v1", at: HandoffWorld.t0)
        #expect(stored.version == 1)
        #expect(try catalog.current()?.version == 1)
        let br = try world.mql("br", country: "BR")
        let us = try world.mql("us", country: "US")
        let summary = try world.router().route()
        #expect(summary.routed == 2)
        #expect(try world.store.owner(of: br) == ana.id)
        #expect(try world.store.owner(of: us) == carl.id)

        // Past the SLA, Ana's lead has nobody else in the brazil territory: Nina is not in the rules.
        let sla = SLAEscalation(store: world.store)
        let late = try sla.run(now: HandoffWorld.t0 + 25 * 3_600)
        #expect(late.breached == 2)
        #expect(late.unescalated == 2)
        #expect(try world.store.owner(of: br) == ana.id)
        #expect(try world.store.openLeadCounts()[nina.id] == nil)
    }

    @Test func givenRulesWinOverTheStoredOnes() throws {
        let world = try HandoffWorld()
        _ = try world.rep("Ana")
        let carl = try world.rep("Carl")
        _ = try RoutingRulesCatalog(store: world.store).set(
            document: Self.document, source: "rules.yaml", createdBy: "admin:test", note: nil, at: HandoffWorld.t0)
        let br = try world.mql("br", country: "BR")
        let everyoneToCarl = RoutingRules(territories: [], defaultRepEmails: [carl.email])
        try world.router(everyoneToCarl).route()
        #expect(try world.store.owner(of: br) == carl.id)
    }

    @Test func withoutStoredRulesTheRepsTerritoriesApply() throws {
        let world = try HandoffWorld()
        let reps = [try world.rep("Ana", territory: "BR"), try world.rep("Carl")]
        let rules = try RoutingRulesCatalog(store: world.store).resolve(nil, reps: reps)
        #expect(rules == .fromRepTerritories(reps))
    }

    @Test func aBadDocumentIsRefusedAndTheVersionInForceStays() throws {
        let world = try HandoffWorld()
        let catalog = RoutingRulesCatalog(store: world.store)
        _ = try catalog.set(
            document: Self.document, source: "rules.yaml", createdBy: "admin:test", note: nil, at: HandoffWorld.t0)
        let error = #expect(throws: RoutingRulesError.self) {
            try catalog.set(
                document: "territories: [{name: x, reps: [ana@example.com]}]", source: "document",
                createdBy: "admin:test", note: nil, at: HandoffWorld.t0)
        }
        #expect(
            error?.description == "document: territories[0] 'x': no `match` (leads without a territory go to `default`)"
        )
        #expect(try world.store.routingRulesVersions().map(\.version) == [1])
    }
}
