import Foundation
import LeadModel
import LeadPipeline
import LeadScoring
import SQLiteStore
import StoreContract
import Testing

@Suite("scoring run")
struct ScoringRunTests {
    /// 2026-01-01T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_767_225_600)

    static func model(version: Int) throws -> ScoringModel {
        var model = try ScoringModelLoader.parse(
            """
            version: 1
            name: tiny
            fitRules:
              - {id: india, label: Works in India, field: country, equals: India, points: 20}
            engagementRules:
              - {id: webinar, label: Attended a webinar, eventType: webinar, points: 10, cap: 30, halfLifeDays: 7}
            gradeBands: {a: 20, b: 10, c: 5}
            qualification: {threshold: 25}
            """, path: "tiny.yaml")
        model.version = version
        return model
    }

    static func store(countries: [String]) throws -> (SQLiteLeadStore, [LeadID]) {
        let store = try SQLiteLeadStore.inMemory(now: { now })
        let ids = try store.importLeads(runID: ImportRunID()) { session in
            try countries.enumerated().map { index, country -> LeadID in
                let lead = Lead(externalID: "L\(index)", country: country)
                switch try session.upsert(lead, dedupeKey: "ext:L\(index)").outcome {
                case .created(let id): return id
                default: fatalError("expected a new lead")
                }
            }
        }
        _ = try store.saveScoringModel(document: "{}", createdBy: "admin:test", note: nil, at: now)
        return (store, ids)
    }

    @Test func recycledLeadsAreScoredButNotMovedAndEventsDecay() throws {
        let (store, ids) = try Self.store(countries: ["India", "India", "Nepal"])
        for (stage, trigger) in [
            (LifecycleStage.mql, StageTrigger.score), (.assigned, .route), (.recycled, .rejectRecyclable),
        ] {
            try store.transition(
                StageTransitionRequest(
                    leadID: ids[2], to: stage, trigger: trigger, actor: "test", at: Self.now,
                    reason: stage == .recycled ? .noBudget : nil))
        }
        // A webinar 14 days ago at half-life 7 counts a quarter: 20 + 2.5 stays below 25; today's counts 10.
        try store.addEvents([
            EngagementEvent(leadID: ids[0], type: "webinar", occurredAt: Self.now - 14 * 86_400),
            EngagementEvent(leadID: ids[1], type: "webinar", occurredAt: Self.now),
            EngagementEvent(leadID: ids[2], type: "webinar", occurredAt: Self.now),
        ])
        let summary = try ScoringRun(store: store, clock: { Self.now }, pageSize: 2).run(
            model: try Self.model(version: 1))
        #expect(summary.scored == 3)
        #expect(summary.movedToMQL == 1)
        #expect(summary.movedToNurturing == 1)
        #expect(summary.unchanged == 1)
        #expect(try store.lead(id: ids[0])?.stage == .nurturing)
        #expect(try store.lead(id: ids[1])?.stage == .mql)
        #expect(try store.lead(id: ids[2])?.stage == .recycled)
        #expect(try store.currentScore(leadID: ids[0])?.engagement == 2.5)
        #expect(try store.currentScore(leadID: ids[2])?.engagement == 10)
    }

    @Test func aTouchedLeadsRunScoresOnlyThoseAndMovesBothWays() throws {
        let (store, ids) = try Self.store(countries: ["India", "Nepal"])
        try store.addEvents([EngagementEvent(leadID: ids[0], type: "webinar", occurredAt: Self.now)])
        let run = ScoringRun(store: store, clock: { Self.now })
        #expect(try run.run(model: try Self.model(version: 1), leadIDs: [ids[0], ids[0]]).movedToMQL == 1)
        #expect(try store.currentScore(leadID: ids[1]) == nil)
        // Four weeks later the webinar has decayed to 1/16: the lead drops back to nurturing.
        let later = ScoringRun(store: store, clock: { Self.now + 28 * 86_400 })
        let summary = try later.run(model: try Self.model(version: 1), leadIDs: [ids[0]])
        #expect(summary.movedToNurturing == 1)
        #expect(try store.stageHistory(leadID: ids[0]).map(\.to) == [.mql, .nurturing])
    }

    @Test(arguments: LifecycleStage.allCases)
    func scoringMovesOnlyAlongTheTable(stage: LifecycleStage) {
        let expected: [Bool: LifecycleStage] =
            switch stage {
            case .new: [true: .mql, false: .nurturing]
            case .nurturing: [true: .mql]
            case .mql: [false: .nurturing]
            case .assigned, .accepted, .converted, .recycled, .disqualified: [:]
            }
        for qualified in [true, false] {
            let target = ScoringRun.target(from: stage, qualified: qualified)
            #expect(target == expected[qualified])
            if let target { #expect(StageTransitionTable.allows(from: stage, to: target, trigger: .score)) }
        }
    }
}
