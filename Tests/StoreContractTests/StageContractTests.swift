import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// Stage moves (``LeadStore/transition(_:)``), checked against the one transition table whatever
/// the caller, the history they leave, and a scoring run's page of scores and moves.
@Suite("Store contract: stage moves")
struct StageContractTests {
    let t0 = ContractFixtures.t0

    func score(_ id: LeadID, qualified: Bool, version: Int) -> LeadScore {
        ContractFixtures.score(id, qualified ? 60 : 10, version: version, grade: qualified ? .a : .d)
    }

    func move(_ id: LeadID, to stage: LifecycleStage, version: Int) -> StageTransitionRequest {
        StageTransitionRequest(
            leadID: id, to: stage, trigger: .score, actor: "system:scoring", at: t0, modelVersion: version)
    }

    @Test(arguments: StoreKind.available)
    func aLegalMoveUpdatesTheLeadAndTheHistoryKeepsEveryMoveOldestFirst(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let id = try ContractFixtures.storedLead("S-1", in: store)
            let version = try ContractFixtures.savedModel(in: store)

            let scored = try store.transition(
                StageTransitionRequest(
                    leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: t0, modelVersion: version))
            #expect(
                scored
                    == StageChange(
                        leadID: id, from: .new, to: .mql, trigger: .score, actor: "system:scoring", at: t0,
                        modelVersion: version))
            try store.transition(.init(leadID: id, to: .assigned, trigger: .route, actor: "system:router", at: t0 + 60))
            let rejected = try store.transition(
                .init(
                    leadID: id, to: .recycled, trigger: .rejectRecyclable, actor: "rep:r1", at: t0 + 120,
                    reason: .noBudget, note: "next year"))

            #expect(try store.lead(id: id)?.stage == .recycled)
            let history = try store.stageHistory(leadID: id)
            #expect(history.map(\.from) == [.new, .mql, .assigned])
            #expect(history.map(\.to) == [.mql, .assigned, .recycled])
            #expect(history.map(\.at) == [t0, t0 + 60, t0 + 120])
            #expect(history.first == scored)
            #expect(history.last == rejected)
            #expect(rejected.reason == .noBudget)
            #expect(rejected.note == "next year")
            #expect(rejected.actor == "rep:r1")
        }
    }

    @Test(arguments: StoreKind.available)
    func anIllegalMoveIsAStageTransitionErrorAndWritesNothing(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let id = try ContractFixtures.storedLead("S-1", in: store)
            #expect(throws: StageTransitionError(from: .new, to: .converted, trigger: .convert)) {
                try store.transition(.init(leadID: id, to: .converted, trigger: .convert, actor: "rep:r1", at: t0))
            }
            // An edge of the table, but not from the lead's stage.
            #expect(throws: StageTransitionError(from: .new, to: .assigned, trigger: .route)) {
                try store.transition(.init(leadID: id, to: .assigned, trigger: .route, actor: "system:router", at: t0))
            }
            #expect(try store.lead(id: id)?.stage == .new)
            #expect(try store.stageHistory(leadID: id).isEmpty)

            // The stage is read when the move is made: a lead that moved on is checked from there.
            try store.transition(.init(leadID: id, to: .nurturing, trigger: .score, actor: "system:scoring", at: t0))
            #expect(throws: StageTransitionError(from: .nurturing, to: .nurturing, trigger: .score)) {
                try store.transition(
                    .init(leadID: id, to: .nurturing, trigger: .score, actor: "system:scoring", at: t0 + 60))
            }
            #expect(try store.stageHistory(leadID: id).count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func aMoveOfAnUnknownLeadIsLeadNotFound(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let ghost = LeadID()
            #expect(throws: LeadStoreError.leadNotFound(ghost)) {
                try store.transition(.init(leadID: ghost, to: .mql, trigger: .score, actor: "system:scoring", at: t0))
            }
            #expect(try store.leadCount() == 0)
        }
    }

    @Test(arguments: StoreKind.available)
    func aMoveNamingAnUnsavedModelVersionIsRefusedAndWritesNothing(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let id = try ContractFixtures.storedLead("S-1", in: store)
            #expect(throws: (any Error).self) {
                try store.transition(
                    .init(leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: t0, modelVersion: 7))
            }
            #expect(try store.lead(id: id)?.stage == .new)
            #expect(try store.stageHistory(leadID: id).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aScoringPageSavesEveryScoreAndSkipsTheMovesTheTableRefuses(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let a = try ContractFixtures.storedLead("SP-a", in: store)
            let b = try ContractFixtures.storedLead("SP-b", in: store)
            let c = try ContractFixtures.mqlLead("SP-c", in: store)
            let version = try ContractFixtures.savedModel(in: store)
            // c was handed to sales after the page was read: scoring may no longer move it.
            try store.transition(.init(leadID: c, to: .assigned, trigger: .route, actor: "system:router", at: t0))

            let applied = try store.saveScoringPage(
                scores: [
                    score(a, qualified: true, version: version), score(b, qualified: false, version: version),
                    score(c, qualified: false, version: version),
                ],
                moves: [
                    move(a, to: .mql, version: version), move(b, to: .nurturing, version: version),
                    move(c, to: .nurturing, version: version),
                ])
            #expect(applied.map(\.leadID) == [a, b])
            #expect(applied.map(\.from) == [.new, .new])
            #expect(applied.map(\.to) == [.mql, .nurturing])
            #expect(applied.allSatisfy { $0.modelVersion == version && $0.trigger == .score })
            #expect(try store.lead(id: a)?.stage == .mql)
            #expect(try store.lead(id: b)?.stage == .nurturing)
            #expect(try store.lead(id: c)?.stage == .assigned)
            #expect(try store.currentScore(leadID: a) == score(a, qualified: true, version: version))
            #expect(try store.currentScore(leadID: c) == score(c, qualified: false, version: version))
            #expect(try store.stageHistory(leadID: a).last == applied.first)
            #expect(try store.stageHistory(leadID: c).map(\.to) == [.mql, .assigned])
        }
    }

    @Test(arguments: StoreKind.available)
    func aScoringPageNamingAnUnknownLeadOrModelStoresNothing(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let a = try ContractFixtures.storedLead("SP-a", in: store)
            let version = try ContractFixtures.savedModel(in: store)
            let ghost = LeadID()
            #expect(throws: LeadStoreError.leadNotFound(ghost)) {
                try store.saveScoringPage(
                    scores: [
                        score(a, qualified: true, version: version), score(ghost, qualified: true, version: version),
                    ],
                    moves: [move(a, to: .mql, version: version)])
            }
            #expect(throws: LeadStoreError.scoringModelNotFound(version + 1)) {
                try store.saveScoringPage(
                    scores: [score(a, qualified: true, version: version + 1)],
                    moves: [move(a, to: .mql, version: version)])
            }
            #expect(try store.lead(id: a)?.stage == .new)
            #expect(try store.currentScore(leadID: a) == nil)
            #expect(try store.stageHistory(leadID: a).isEmpty)
        }
    }
}
