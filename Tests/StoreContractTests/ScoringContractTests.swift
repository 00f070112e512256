import Foundation
import LeadModel
import StoreContract
import SyncProtocol
import Testing

/// Scoring-model versions and scores (``LeadStore/saveScoringModel(document:createdBy:note:at:)``,
/// ``LeadStore/saveScores(_:)``): versions count up from 1, the score saved last is current.
@Suite("Store contract: scoring models and scores")
struct ScoringContractTests {
    let t0 = ContractFixtures.t0

    @Test(arguments: StoreKind.available)
    func modelVersionsCountUpFromOneAndTheHighestIsCurrent(kind: StoreKind) throws {
        try kind.withStore { store throws in
            #expect(try store.currentScoringModel() == nil)
            #expect(try store.scoringModels().isEmpty)
            #expect(try store.saveScoringModel(document: "v: 1", createdBy: "admin:mo", note: "first", at: t0) == 1)
            #expect(try store.saveScoringModel(document: "v: 2", createdBy: "admin-api", note: nil, at: t0 + 60) == 2)
            let first = StoredScoringModel(
                version: 1, document: "v: 1", createdAt: t0, createdBy: "admin:mo", note: "first")
            let second = StoredScoringModel(version: 2, document: "v: 2", createdAt: t0 + 60, createdBy: "admin-api")
            #expect(try store.scoringModels() == [first, second])
            #expect(try store.currentScoringModel() == second)
        }
    }

    @Test(arguments: StoreKind.available)
    func theScoreSavedLastIsCurrentWithItsContributions(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let a = try ContractFixtures.storedLead("SC-a", in: store)
            let b = try ContractFixtures.storedLead("SC-b", in: store)
            let v1 = try ContractFixtures.savedModel(in: store)
            let v2 = try ContractFixtures.savedModel(in: store, at: t0 + 60)
            #expect(try store.currentScore(leadID: a) == nil)

            let first = ContractFixtures.score(a, 40, version: v1)
            try store.saveScores([first])
            #expect(try store.currentScore(leadID: a) == first)

            var second = ContractFixtures.score(a, 70.5, version: v2, grade: .a, at: t0 + 3_600)
            second.engagement = 12.25
            second.contributions.append(
                ScoreContribution(
                    ruleID: "engagement.pricing", label: "Visited \"pricing\"", points: -5, kind: .engagement))
            try store.saveScores([second])
            #expect(try store.currentScore(leadID: a) == second)

            // A newer score under an older version replaces that version's and becomes current.
            let rescored = ContractFixtures.score(a, 55, version: v1, at: t0 + 7_200)
            try store.saveScores([rescored])
            #expect(try store.currentScore(leadID: a) == rescored)
            #expect(try store.currentScores(leadIDs: [a, b, LeadID()]) == [a: rescored])
            #expect(try store.currentScores(leadIDs: []).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aScoreOfAnUnknownLeadOrModelVersionStoresNothing(kind: StoreKind) throws {
        try kind.withStore { store throws in
            let a = try ContractFixtures.storedLead("SC-a", in: store)
            let version = try ContractFixtures.savedModel(in: store)
            let ghost = LeadID()
            #expect(throws: LeadStoreError.leadNotFound(ghost)) {
                try store.saveScores([
                    ContractFixtures.score(a, 40, version: version),
                    ContractFixtures.score(ghost, 40, version: version),
                ])
            }
            #expect(throws: LeadStoreError.scoringModelNotFound(version + 1)) {
                try store.saveScores([ContractFixtures.score(a, 40, version: version + 1)])
            }
            #expect(try store.currentScore(leadID: a) == nil)
            #expect(try store.currentScores(leadIDs: [a]).isEmpty)
        }
    }
}
