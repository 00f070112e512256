import Foundation
import SQLiteStore
import StoreContract
import Testing

@Suite("Routing rules versions")
struct RoutingRulesStoreTests {
    let t0 = StoreFixtures.t0

    @Test func versionsCountUpFromOneAndTheHighestIsInForce() throws {
        let store = try StoreFixtures.store()
        #expect(try store.currentRoutingRules() == nil)
        #expect(try store.routingRulesVersions().isEmpty)
        #expect(
            try store.saveRoutingRules(document: "territories: []", createdBy: "admin:mo", note: "first", at: t0) == 1)
        #expect(
            try store.saveRoutingRules(document: "default: {}", createdBy: "admin-api", note: nil, at: t0 + 60) == 2)
        #expect(
            try store.routingRulesVersions() == [
                StoredRoutingRules(
                    version: 1, document: "territories: []", createdAt: t0, createdBy: "admin:mo", note: "first"),
                StoredRoutingRules(version: 2, document: "default: {}", createdAt: t0 + 60, createdBy: "admin-api"),
            ])
        #expect(try store.currentRoutingRules()?.version == 2)
    }

    @Test func anEmptyDocumentOrAuthorIsRefusedBySQLite() throws {
        let store = try StoreFixtures.store()
        #expect(throws: (any Error).self) {
            try store.saveRoutingRules(document: "", createdBy: "a", note: nil, at: t0)
        }
        #expect(throws: (any Error).self) {
            try store.saveRoutingRules(document: "{}", createdBy: "", note: nil, at: t0)
        }
        #expect(try store.currentRoutingRules() == nil)
    }
}
