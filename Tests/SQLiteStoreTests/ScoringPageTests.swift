import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import Testing

@Suite("Scoring pages: scores and stage moves in one transaction")
struct ScoringPageTests {
    let t0 = StoreFixtures.t0

    func score(_ id: LeadID, version: Int, qualified: Bool) -> LeadScore {
        LeadScore(
            leadID: id, fit: qualified ? 50 : 5, engagement: 0, total: qualified ? 50 : 5, grade: qualified ? .a : .d,
            qualified: qualified, modelVersion: version, contributions: [], scoredAt: t0)
    }

    func move(_ id: LeadID, to stage: LifecycleStage, version: Int) -> StageTransitionRequest {
        StageTransitionRequest(
            leadID: id, to: stage, trigger: .score, actor: "system:scoring", at: t0, modelVersion: version)
    }

    @Test func aPageSavesScoresAndAppliesAllowedMovesSkippingRefusedOnes() throws {
        let store = try StoreFixtures.store()
        let a = try StoreFixtures.storedLead(store, email: "a@example.com")
        let b = try StoreFixtures.storedLead(store, email: "b@example.com")
        let c = try StoreFixtures.storedLead(store, email: "c@example.com")
        let version = try store.saveScoringModel(document: "{}", createdBy: "admin:mo", note: nil, at: t0)
        // c was handed to sales after the page was read: scoring may not move it.
        try store.transition(StageTransitionRequest(leadID: c, to: .mql, trigger: .score, actor: "t", at: t0))
        try store.transition(StageTransitionRequest(leadID: c, to: .assigned, trigger: .route, actor: "t", at: t0))

        let applied = try store.saveScoringPage(
            scores: [score(a, version: version, qualified: true), score(b, version: version, qualified: false)],
            moves: [
                move(a, to: .mql, version: version), move(b, to: .nurturing, version: version),
                move(c, to: .nurturing, version: version),
            ])
        #expect(applied.map(\.leadID) == [a, b])
        #expect(applied.map(\.to) == [.mql, .nurturing])
        #expect(try store.lead(id: a)?.stage == .mql)
        #expect(try store.lead(id: b)?.stage == .nurturing)
        #expect(try store.lead(id: c)?.stage == .assigned)
        #expect(try store.currentScore(leadID: a)?.qualified == true)
        #expect(try store.stageHistory(leadID: a).last?.modelVersion == version)
        #expect(try store.stageHistory(leadID: a).last?.actor == "system:scoring")
    }

    @Test func aPageNamingAnUnknownModelVersionStoresNothing() throws {
        let store = try StoreFixtures.store()
        let a = try StoreFixtures.storedLead(store)
        #expect(throws: LeadStoreError.scoringModelNotFound(9)) {
            try store.saveScoringPage(
                scores: [score(a, version: 9, qualified: true)], moves: [move(a, to: .mql, version: 9)])
        }
        #expect(try store.lead(id: a)?.stage == .new)
        #expect(try store.currentScore(leadID: a) == nil)
    }

    @Test func leadsAreFoundByNormalisedEmail() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store, email: "Ana.Silva@Example.com")
        #expect(try store.lead(email: EmailAddress(" ana.silva@example.COM "))?.id == id)
        #expect(try store.lead(email: EmailAddress("nobody@example.com")) == nil)
    }
}
