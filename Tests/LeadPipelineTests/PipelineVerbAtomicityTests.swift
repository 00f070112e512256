import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import Testing

/// Each pipeline verb is one transaction (issue 16): a failure part-way leaves nothing of it, and
/// an inner store verb that throws leaves nothing of itself even when the caller goes on.
@Suite("Pipeline verbs are one transaction each")
struct PipelineVerbAtomicityTests {
    @Test func aDeactivationThatFailsPartWayLeavesTheRepTheirTokensAndTheirLeads() throws {
        let world = try HandoffWorld()
        let rita = try world.rep("Rita")
        try world.rep("Otto")
        let lead = try world.mql("ada")
        try world.store.assign(leadID: lead, to: rita.id, actor: "admin:test", at: world.clock.now)
        let token = try DeviceTokens(store: world.store).issue(repID: rita.id)
        // Rules that no longer parse: the re-routing step, after the rep was marked inactive and
        // their tokens revoked, throws.
        _ = try world.store.saveRoutingRules(
            document: "territories: [", createdBy: "admin:test", note: nil, at: world.clock.now)

        #expect(throws: RoutingRulesCatalog.StoredRulesError.self) {
            try RepDeactivation(store: world.store, now: { world.clock.now }).run(rita.id)
        }
        #expect(try world.store.rep(id: rita.id)?.isActive == true)
        #expect(try DeviceTokens(store: world.store).verify(token) == rita.id)
        #expect(try world.store.owner(of: lead) == rita.id)
    }

    @Test func aStoreVerbThatThrowsInsideAScopeLeavesNothingAndTheScopeCommitsTheRest() throws {
        let world = try HandoffWorld()
        let rita = try world.rep("Rita")
        let lead = try world.mql("ada")
        let otto = Rep(name: "Otto", email: EmailAddress("otto@example.com"))
        try world.store.atomically {
            try world.store.addRep(otto)
            // Same email as Rita: refused; caught, and the scope goes on.
            #expect(throws: LeadStoreError.repEmailTaken("rita@example.com")) {
                try world.store.addRep(Rep(name: "Rita Two", email: EmailAddress("rita@example.com")))
            }
            try world.store.assign(leadID: lead, to: rita.id, actor: "admin:test", at: world.clock.now)
        }
        #expect(try world.store.reps().map(\.name).sorted() == ["Otto", "Rita"])
        #expect(try world.store.owner(of: lead) == rita.id)
    }

    @Test func aScopeThatThrowsKeepsNoneOfItsWrites() throws {
        struct Abandon: Error {}
        let world = try HandoffWorld()
        let rita = try world.rep("Rita")
        let lead = try world.mql("ada")
        #expect(throws: Abandon.self) {
            try world.store.atomically {
                try world.store.assign(leadID: lead, to: rita.id, actor: "admin:test", at: world.clock.now)
                // Inside the scope the verb's own write is visible to the next read.
                #expect(try world.store.owner(of: lead) == rita.id)
                throw Abandon()
            }
        }
        #expect(try world.store.owner(of: lead) == nil)
        #expect(try world.stage(lead) == .mql)
        #expect(try world.store.handoffs().isEmpty)
    }
}
