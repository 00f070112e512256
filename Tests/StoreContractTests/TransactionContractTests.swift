import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// Verbs grouped into one transaction (``TransactionalStore/atomically(_:)``): all commit together
/// or none does; a verb that throws inside leaves nothing of itself even when the error is caught;
/// reads inside see the group's writes; nested groups join the outer one.
@Suite("Store contract: transactions")
struct TransactionContractTests {
    let t0 = ContractFixtures.t0

    @Test(arguments: StoreKind.available)
    func everyCallOfTheGroupCommitsTogether(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = ContractFixtures.rep("Rita")
            let change = try store.atomically { () throws -> LeadAssignmentChange in
                try store.addRep(rita)
                let lead = try ContractFixtures.mqlLead("TX-1", in: store)
                try store.saveRoutingRules(document: "default: {}", createdBy: "admin:test", note: nil, at: t0)
                return try store.assign(leadID: lead, to: rita.id, actor: "system:router", at: t0 + 60)
            }
            #expect(change.rep == rita.id)
            #expect(try store.rep(id: rita.id) == rita)
            #expect(try store.owner(of: change.leadID) == rita.id)
            #expect(try store.lead(id: change.leadID)?.stage == .assigned)
            #expect(try store.stageHistory(leadID: change.leadID).map(\.to) == [.mql, .assigned])
            #expect(try store.currentRoutingRules()?.version == 1)
            let page = try store.changes(repID: rita.id, after: 0, limit: 10, includeRemovals: false)
            #expect(page.upserts.map(\.leadID) == [change.leadID])
        }
    }

    @Test(arguments: StoreKind.available)
    func aThrowRollsBackEveryCallOfTheGroup(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let lead = try ContractFixtures.mqlLead("TX-1", in: store)
            let omar = ContractFixtures.rep("Omar")

            #expect(throws: LeadStoreError.unsupported("rolled back on purpose")) {
                try store.atomically {
                    try store.addRep(omar)
                    try store.assign(leadID: lead, to: rita.id, actor: "system:router", at: t0)
                    _ = try ContractFixtures.storedLead("TX-2", in: store)
                    try store.addEvents([ContractFixtures.event(lead, "page_view", at: t0)])
                    try store.saveRoutingRules(document: "default: {}", createdBy: "admin:test", note: nil, at: t0)
                    try store.saveDeviceToken(hash: ContractFixtures.tokenHash("e"), repID: rita.id, at: t0)
                    throw LeadStoreError.unsupported("rolled back on purpose")
                }
            }
            #expect(try store.rep(id: omar.id) == nil)
            #expect(try store.owner(of: lead) == nil)
            #expect(try store.lead(id: lead)?.stage == .mql)
            #expect(try store.stageHistory(leadID: lead).map(\.to) == [.mql])
            #expect(try store.handoffs().isEmpty)
            #expect(try store.leadCount() == 1)
            #expect(try store.events(leadID: lead).isEmpty)
            #expect(try store.currentRoutingRules() == nil)
            #expect(try store.deviceToken(hash: ContractFixtures.tokenHash("e")) == nil)
            let page = try store.changes(repID: rita.id, after: 0, limit: 10, includeRemovals: false)
            #expect(page.upserts.isEmpty)
            #expect(try store.scopeDigest(repID: rita.id) == ScopeDigest.empty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aRefusedCallCaughtInsideLeavesNothingAndTheRestCommits(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let ready = try ContractFixtures.mqlLead("TX-ready", in: store)
            let fresh = try ContractFixtures.storedLead("TX-new", in: store)

            let refusals = try store.atomically { () throws -> [String] in
                var refusals: [String] = []
                // The first lead is handed over before the second is refused: the verb keeps neither.
                do {
                    try store.assign(leadIDs: [ready, fresh], to: rita.id, actor: "admin:test", at: t0)
                } catch is StageTransitionError {
                    refusals.append("assign")
                }
                // An import whose body gives up keeps none of its rows.
                do {
                    try store.importLeads(runID: ImportRunID()) { session in
                        try session.upsert(ContractFixtures.lead("TX-ghost"), dedupeKey: "ext:TX-ghost")
                        throw LeadStoreError.unsupported("abandoned import")
                    }
                } catch LeadStoreError.unsupported(let what) {
                    refusals.append(what)
                }
                do {
                    try store.addRep(Rep(name: "Rita Again", email: EmailAddress("RITA@sales.example.com")))
                } catch let error as LeadStoreError {
                    refusals.append(error == .repEmailTaken("rita@sales.example.com") ? "rep" : "\(error)")
                }
                try store.saveRoutingRules(document: "default: {}", createdBy: "admin:test", note: nil, at: t0)
                _ = try ContractFixtures.storedLead("TX-kept", in: store)
                return refusals
            }
            #expect(refusals == ["assign", "abandoned import", "rep"])
            #expect(try store.owner(of: ready) == nil)
            #expect(try store.lead(id: ready)?.stage == .mql)
            #expect(try store.stageHistory(leadID: ready).map(\.to) == [.mql])
            #expect(try store.handoffs().isEmpty)
            #expect(try store.lead(dedupeKey: "ext:TX-ghost") == nil)
            #expect(try store.reps().map(\.id) == [rita.id])
            #expect(try store.currentRoutingRules()?.version == 1)
            #expect(try store.lead(dedupeKey: "ext:TX-kept") != nil)
            #expect(try store.leadCount() == 3)
        }
    }

    @Test(arguments: StoreKind.available)
    func readsInsideTheGroupSeeItsWritesAndNestedGroupsJoinIt(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = ContractFixtures.rep("Rita")
            let seen = try store.atomically { () throws -> (stage: LifecycleStage?, owner: RepID?, count: Int) in
                try store.addRep(rita)
                let lead = try ContractFixtures.mqlLead("TX-1", in: store)
                try store.assign(leadID: lead, to: rita.id, actor: "system:router", at: t0)
                let stage = try store.lead(id: lead)?.stage
                return (stage, try store.owner(of: lead), try store.openLeadCounts()[rita.id] ?? 0)
            }
            #expect(seen.stage == .assigned)
            #expect(seen.owner == rita.id)
            #expect(seen.count == 1)

            // A nested group is part of the outer one: the outer throw undoes it too.
            let omar = ContractFixtures.rep("Omar")
            var seenInside: Rep?
            var thrown: String?
            do {
                try store.atomically {
                    seenInside = try store.atomically { () throws -> Rep? in
                        try store.addRep(omar)
                        return try store.rep(id: omar.id)
                    }
                    throw LeadStoreError.unsupported("outer")
                }
            } catch LeadStoreError.unsupported(let what) {
                thrown = what
            }
            #expect(thrown == "outer")
            #expect(seenInside == omar)
            #expect(try store.rep(id: omar.id) == nil)
            #expect(try store.reps().map(\.id) == [rita.id])
        }
    }
}
