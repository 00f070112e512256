import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// Lead ownership (``SyncStore/assign(leadID:to:actor:at:)`` and its bulk form, ``SyncStore/owner(of:)``,
/// ``SyncStore/releaseLead(_:at:)``): a hand-off moves the stage and sets the owner in one step,
/// and a refused one changes nothing.
@Suite("Store contract: assignment")
struct AssignmentContractTests {
    let t0 = ContractFixtures.t0

    @Test(arguments: StoreKind.available)
    func assigningAnMQLRoutesItToTheRep(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let lead = try ContractFixtures.mqlLead("AS-1", in: store)
            #expect(try store.owner(of: lead) == nil)

            let change = try store.assign(leadID: lead, to: rita.id, actor: "system:router", at: t0 + 60)
            let routed = StageChange(
                leadID: lead, from: .mql, to: .assigned, trigger: .route, actor: "system:router", at: t0 + 60)
            #expect(change == LeadAssignmentChange(leadID: lead, previousRep: nil, rep: rita.id, stageChange: routed))
            #expect(try store.lead(id: lead)?.stage == .assigned)
            #expect(try store.owner(of: lead) == rita.id)
            #expect(try store.stageHistory(leadID: lead).last == routed)
        }
    }

    @Test(arguments: StoreKind.available)
    func reassigningHandsAnAssignedLeadToAnotherRep(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let lead = try ContractFixtures.assignedLead("AS-1", to: rita.id, in: store)

            let change = try store.assign(leadID: lead, to: omar.id, actor: "admin:mo", at: t0 + 3_600)
            #expect(change.previousRep == rita.id)
            #expect(change.rep == omar.id)
            #expect(
                change.stageChange
                    == StageChange(
                        leadID: lead, from: .assigned, to: .assigned, trigger: .reassign, actor: "admin:mo",
                        at: t0 + 3_600))
            #expect(try store.owner(of: lead) == omar.id)
            #expect(try store.lead(id: lead)?.stage == .assigned)
            #expect(try store.stageHistory(leadID: lead).map(\.trigger) == [.score, .route, .reassign])
        }
    }

    @Test(arguments: StoreKind.available)
    func aBulkAssignmentGivesOneChangePerLeadInTheOrderGiven(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let a = try ContractFixtures.mqlLead("BA-a", in: store)
            let b = try ContractFixtures.assignedLead("BA-b", to: omar.id, in: store)
            let c = try ContractFixtures.mqlLead("BA-c", in: store)

            let changes = try store.assign(leadIDs: [c, b, a], to: rita.id, actor: "admin:mo", at: t0 + 60)
            #expect(changes.map(\.leadID) == [c, b, a])
            let previous: [RepID?] = [nil, omar.id, nil]
            #expect(changes.map(\.previousRep) == previous)
            #expect(changes.map(\.stageChange.trigger) == [.route, .reassign, .route])
            #expect(changes.allSatisfy { $0.rep == rita.id && $0.stageChange.to == .assigned })
            for lead in [a, b, c] {
                #expect(try store.owner(of: lead) == rita.id)
            }
            #expect(try store.assign(leadIDs: [], to: rita.id, actor: "admin:mo", at: t0 + 60).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aBatchHandsLeadsToSeveralRepsAndALeadHandedTwiceEndsWithTheSecond(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let a = try ContractFixtures.mqlLead("HB-a", in: store)
            let b = try ContractFixtures.mqlLead("HB-b", in: store)
            let c = try ContractFixtures.assignedLead("HB-c", to: omar.id, in: store)
            let handoffs = [
                LeadHandoffRequest(leadID: a, repID: rita.id), LeadHandoffRequest(leadID: b, repID: omar.id),
                LeadHandoffRequest(leadID: a, repID: omar.id), LeadHandoffRequest(leadID: c, repID: rita.id),
            ]

            let changes = try store.assign(handoffs, actor: "system:router", at: t0 + 60)
            #expect(changes.map(\.leadID) == [a, b, a, c])
            #expect(changes.map(\.stageChange.trigger) == [.route, .route, .reassign, .reassign])
            let previous: [RepID?] = [nil, nil, rita.id, omar.id]
            #expect(changes.map(\.previousRep) == previous)
            #expect(try store.owner(of: a) == omar.id)
            #expect(try store.owner(of: b) == omar.id)
            #expect(try store.owner(of: c) == rita.id)
            #expect(try store.stageHistory(leadID: a).map(\.trigger) == [.score, .route, .reassign])
            #expect(try store.handoffs().filter { $0.leadID == a }.map(\.repID) == [rita.id, omar.id])
            // Rita's devices never see `a` (handed on within the batch); they get `c`. Omar's get
            // `a` and `b`, and a removal of `c`.
            let ritas = try store.changes(repID: rita.id, after: 0, limit: 100, includeRemovals: true)
            #expect(ritas.upserts.map(\.leadID) == [c])
            #expect(ritas.removals.isEmpty)
            let omars = try store.changes(repID: omar.id, after: 0, limit: 100, includeRemovals: true)
            #expect(Set(omars.upserts.map(\.leadID)) == [a, b])
            #expect(omars.removals.map(\.leadID) == [c])
            #expect(try store.scopeDigest(repID: omar.id) == ScopeDigest(omars.upserts.map { ($0.leadID, $0.version) }))
        }
    }

    @Test(arguments: StoreKind.available)
    func aBatchStopsAtAnInactiveRepsFirstLeadAndKeepsNothing(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let gone = try ContractFixtures.addedRep("Gone", to: store)
            try store.deactivateRep(id: gone.id)
            let a = try ContractFixtures.mqlLead("HB-a", in: store)
            let b = try ContractFixtures.mqlLead("HB-b", in: store)
            #expect(throws: LeadStoreError.repInactive(gone.id)) {
                try store.assign(
                    [LeadHandoffRequest(leadID: a, repID: rita.id), LeadHandoffRequest(leadID: b, repID: gone.id)],
                    actor: "system:router", at: t0 + 60)
            }
            #expect(try store.owner(of: a) == nil)
            #expect(try store.lead(id: a)?.stage == .mql)
            #expect(try store.changes(repID: rita.id, after: 0, limit: 10, includeRemovals: true).upserts.isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aBulkAssignmentWithOneRefusedLeadKeepsNothing(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let a = try ContractFixtures.mqlLead("BA-a", in: store)
            let fresh = try ContractFixtures.storedLead("BA-new", in: store)

            let error = #expect(throws: StageTransitionError.self) {
                try store.assign(leadIDs: [a, fresh], to: rita.id, actor: "admin:mo", at: t0)
            }
            #expect(error?.from == .new)
            #expect(error?.to == .assigned)
            #expect(try store.owner(of: a) == nil)
            #expect(try store.lead(id: a)?.stage == .mql)
            #expect(try store.stageHistory(leadID: a).map(\.to) == [.mql])
        }
    }

    @Test(arguments: StoreKind.available)
    func aLeadOutOfReachOfBothMovesIsAStageTransitionError(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let lead = try ContractFixtures.storedLead("AS-1", in: store)
            try store.transition(.init(leadID: lead, to: .nurturing, trigger: .score, actor: "system:scoring", at: t0))

            let error = #expect(throws: StageTransitionError.self) {
                try store.assign(leadID: lead, to: rita.id, actor: "admin:mo", at: t0 + 60)
            }
            #expect(error?.from == .nurturing)
            #expect(error?.to == .assigned)
            #expect(try store.owner(of: lead) == nil)
            #expect(try store.lead(id: lead)?.stage == .nurturing)
        }
    }

    @Test(arguments: StoreKind.available)
    func anInactiveOrUnknownRepAndAnUnknownLeadAreRefused(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let gone = try ContractFixtures.addedRep("Gone", to: store)
            try store.deactivateRep(id: gone.id)
            let lead = try ContractFixtures.mqlLead("AS-1", in: store)
            let ghostRep = RepID()
            let ghostLead = LeadID()

            #expect(throws: LeadStoreError.repInactive(gone.id)) {
                try store.assign(leadID: lead, to: gone.id, actor: "system:router", at: t0)
            }
            #expect(throws: LeadStoreError.repInactive(gone.id)) {
                try store.assign(leadIDs: [lead], to: gone.id, actor: "system:router", at: t0)
            }
            #expect(throws: LeadStoreError.repNotFound(ghostRep)) {
                try store.assign(leadID: lead, to: ghostRep, actor: "system:router", at: t0)
            }
            #expect(throws: LeadStoreError.leadNotFound(ghostLead)) {
                try store.assign(leadID: ghostLead, to: rita.id, actor: "system:router", at: t0)
            }
            #expect(try store.owner(of: lead) == nil)
            #expect(try store.lead(id: lead)?.stage == .mql)
        }
    }

    @Test(arguments: StoreKind.available)
    func aReleasedLeadKeepsItsStageAndWaitsUnownedUntilItIsHandedOn(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let rita = try ContractFixtures.addedRep("Rita", to: store)
            let omar = try ContractFixtures.addedRep("Omar", to: store)
            let lead = try ContractFixtures.assignedLead("RL-1", to: rita.id, in: store)
            let kept = try ContractFixtures.assignedLead("RL-2", to: rita.id, in: store)
            #expect(try store.unownedHandedLeads().isEmpty)

            #expect(try store.releaseLead(lead, at: t0 + 60) == rita.id)
            #expect(try store.owner(of: lead) == nil)
            #expect(try store.owner(of: kept) == rita.id)
            #expect(try store.lead(id: lead)?.stage == .assigned)
            #expect(try store.unownedHandedLeads().map(\.id) == [lead])
            #expect(try store.releaseLead(lead, at: t0 + 120) == nil)
            let neverHanded = try ContractFixtures.mqlLead("RL-3", in: store)
            #expect(try store.releaseLead(neverHanded, at: t0) == nil)

            let change = try store.assign(leadID: lead, to: omar.id, actor: "system:router", at: t0 + 180)
            #expect(change.previousRep == nil)
            #expect(change.stageChange.from == .assigned)
            #expect(change.stageChange.to == .assigned)
            #expect(try store.owner(of: lead) == omar.id)
            #expect(try store.unownedHandedLeads().isEmpty)
        }
    }
}
