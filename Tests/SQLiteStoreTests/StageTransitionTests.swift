import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import Testing

@Suite("Stage transitions")
struct StageTransitionTests {
    let t0 = StoreFixtures.t0

    @Test func allowedTransitionMovesTheLeadAndRecordsHistory() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        let version = try store.saveScoringModel(document: "{}", createdBy: "admin:mo", note: nil, at: t0)

        let change = try store.transition(
            StageTransitionRequest(
                leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: t0, modelVersion: version))
        #expect(
            change
                == StageChange(
                    leadID: id, from: .new, to: .mql, trigger: .score, actor: "system:scoring", at: t0,
                    modelVersion: version))
        try store.transition(.init(leadID: id, to: .assigned, trigger: .route, actor: "system:router", at: t0 + 60))
        try store.transition(
            .init(
                leadID: id, to: .recycled, trigger: .rejectRecyclable, actor: "rep:r1", at: t0 + 120,
                reason: .noBudget, note: "next year"))

        #expect(try store.lead(id: id)?.stage == .recycled)
        let history = try store.stageHistory(leadID: id)
        #expect(history.map(\.to) == [.mql, .assigned, .recycled])
        #expect(history.map(\.from) == [.new, .mql, .assigned])
        #expect(history[2].reason == .noBudget)
        #expect(history[2].note == "next year")
        #expect(history[2].actor == "rep:r1")
        #expect(history[2].at == t0 + 120)
        #expect(history[0].modelVersion == version)
    }

    @Test func refusedTransitionThrowsATypedErrorAndWritesNothing() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        #expect(throws: StageTransitionError(from: .new, to: .converted, trigger: .convert)) {
            try store.transition(.init(leadID: id, to: .converted, trigger: .convert, actor: "rep:r1", at: t0))
        }
        let error = StageTransitionError(from: .new, to: .converted, trigger: .convert)
        #expect(error.description.contains("'new'") && error.description.contains("'converted'"))
        #expect(try store.lead(id: id)?.stage == .new)
        #expect(try store.stageHistory(leadID: id).isEmpty)
    }

    @Test func convertedLeadCannotBeConvertedTwice() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        for (stage, trigger) in [
            (LifecycleStage.mql, StageTrigger.score), (.assigned, .route), (.accepted, .accept), (.converted, .convert),
        ] {
            try store.transition(.init(leadID: id, to: stage, trigger: trigger, actor: "system:test", at: t0))
        }
        #expect(throws: StageTransitionError(from: .converted, to: .converted, trigger: .convert)) {
            try store.transition(.init(leadID: id, to: .converted, trigger: .convert, actor: "rep:r1", at: t0))
        }
        #expect(try store.stageHistory(leadID: id).count == 4)
    }

    @Test func unknownLeadIsLeadNotFound() throws {
        let store = try StoreFixtures.store()
        let id = LeadID()
        #expect(throws: LeadStoreError.leadNotFound(id)) {
            try store.transition(.init(leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: t0))
        }
    }

    @Test func unknownModelVersionIsRefusedAndWritesNothing() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        #expect(throws: LeadStoreError.scoringModelNotFound(7)) {
            try store.transition(
                .init(leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: t0, modelVersion: 7))
        }
        #expect(try store.lead(id: id)?.stage == .new)
        #expect(try store.stageHistory(leadID: id).isEmpty)
    }
}
