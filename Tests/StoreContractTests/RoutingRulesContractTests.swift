import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// The versions of the routing rules (``RoutingRulesStore``): numbered from 1, kept verbatim, the
/// highest in force.
@Suite("Store contract: routing rules")
struct RoutingRulesContractTests {
    let t0 = ContractFixtures.t0

    @Test(arguments: StoreKind.available)
    func versionsCountUpFromOneAreKeptVerbatimAndTheHighestIsInForce(kind: StoreKind) throws {
        try kind.withStore { store throws in
            #expect(try store.currentRoutingRules() == nil)
            #expect(try store.routingRulesVersions().isEmpty)

            let document = "territories:\n  - name: BR\n    match: { country: Brazil }\n"
            #expect(
                try store.saveRoutingRules(document: document, createdBy: "admin:mo", note: "first", at: t0) == 1)
            #expect(
                try store.saveRoutingRules(document: "default: {}", createdBy: "admin-api", note: nil, at: t0 + 60)
                    == 2)

            let first = StoredRoutingRules(
                version: 1, document: document, createdAt: t0, createdBy: "admin:mo", note: "first")
            let second = StoredRoutingRules(
                version: 2, document: "default: {}", createdAt: t0 + 60, createdBy: "admin-api")
            #expect(try store.routingRulesVersions() == [first, second])
            #expect(try store.currentRoutingRules() == second)
        }
    }

    @Test(arguments: StoreKind.available)
    func routingRulesAndScoringModelsAreNumberedApart(kind: StoreKind) throws {
        try kind.withStore { store throws in
            #expect(try ContractFixtures.savedModel(in: store) == 1)
            #expect(try ContractFixtures.savedModel(in: store) == 2)
            #expect(try store.saveRoutingRules(document: "default: {}", createdBy: "admin:mo", note: nil, at: t0) == 1)
            #expect(try store.currentScoringModel()?.version == 2)
            #expect(try store.currentRoutingRules()?.version == 1)
        }
    }
}
