import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import Testing

@Suite("Scoring models and scores")
struct ScoringStoreTests {
    let t0 = StoreFixtures.t0

    @Test func modelVersionsCountUpFromOne() throws {
        let store = try StoreFixtures.store()
        #expect(try store.currentScoringModel() == nil)
        #expect(try store.saveScoringModel(document: "v: 1", createdBy: "admin:mo", note: "first", at: t0) == 1)
        #expect(try store.saveScoringModel(document: "v: 2", createdBy: "admin:mo", note: nil, at: t0 + 60) == 2)
        #expect(
            try store.scoringModels() == [
                StoredScoringModel(version: 1, document: "v: 1", createdAt: t0, createdBy: "admin:mo", note: "first"),
                StoredScoringModel(version: 2, document: "v: 2", createdAt: t0 + 60, createdBy: "admin:mo"),
            ])
        #expect(try store.currentScoringModel()?.version == 2)
    }

    @Test func scoresRoundTripWithContributionsAndTheLatestIsCurrent() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        let v1 = try store.saveScoringModel(document: "{}", createdBy: "admin:mo", note: nil, at: t0)
        let v2 = try store.saveScoringModel(document: "{ }", createdBy: "admin:mo", note: nil, at: t0)
        let first = LeadScore(
            leadID: id, fit: 40, engagement: 12.5, total: 52.5, grade: .b, qualified: false, modelVersion: v1,
            contributions: [
                ScoreContribution(ruleID: "country-br", label: "Works in Brazil", points: 40, kind: .fit),
                ScoreContribution(ruleID: "pricing", label: "Visited \"pricing\"", points: 12.5, kind: .engagement),
            ], scoredAt: t0)
        try store.saveScores([first])
        #expect(try store.currentScore(leadID: id) == first)

        var second = first
        second.modelVersion = v2
        second.total = 70.125
        second.qualified = true
        second.grade = .a
        second.contributions.append(ScoreContribution(ruleID: "spam", label: "Free mail", points: -5, kind: .fit))
        second.scoredAt = t0 + 3600
        try store.saveScores([second])
        #expect(try store.currentScore(leadID: id) == second)

        var rescored = first
        rescored.total = 10
        try store.saveScores([rescored])
        #expect(try store.currentScores(leadIDs: [id, LeadID()]) == [id: rescored])
    }

    @Test func scoreForUnknownModelOrLeadStoresNothing() throws {
        let store = try StoreFixtures.store()
        let id = try StoreFixtures.storedLead(store)
        let version = try store.saveScoringModel(document: "{}", createdBy: "admin:mo", note: nil, at: t0)
        let good = LeadScore(
            leadID: id, fit: 1, engagement: 0, total: 1, grade: .d, qualified: false, modelVersion: version,
            contributions: [], scoredAt: t0)
        var badVersion = good
        badVersion.modelVersion = 9
        #expect(throws: LeadStoreError.scoringModelNotFound(9)) { try store.saveScores([good, badVersion]) }
        var badLead = good
        badLead.leadID = LeadID()
        #expect(throws: LeadStoreError.leadNotFound(badLead.leadID)) { try store.saveScores([good, badLead]) }
        #expect(try store.currentScore(leadID: id) == nil)
    }
}
