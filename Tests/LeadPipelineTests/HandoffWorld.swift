import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import Synchronization

/// One in-memory server for the hand-off tests: a settable clock, reps added by the test, leads
/// created with a country, an attribute and a saved score, and a device push per rep.
final class HandoffWorld: Sendable {
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    let store: SQLiteLeadStore
    let clock: TestClock
    let sync: SyncService
    let modelVersion: Int
    private let mutationIDs = Mutex<[RepID: Int64]>([:])

    init() throws {
        let clock = TestClock(Self.t0)
        let store = try SQLiteLeadStore.inMemory(now: { clock.now })
        self.clock = clock
        self.store = store
        sync = SyncService(store: store, now: { clock.now })
        modelVersion = try store.saveScoringModel(
            document: "{\"test\": true}", createdBy: "admin:test", note: nil, at: Self.t0)
    }

    @discardableResult
    func rep(_ name: String, capacity: Int = 50, territory: String? = nil) throws -> Rep {
        let rep = Rep(
            name: name, email: EmailAddress("\(name.lowercased())@example.com"), territory: territory,
            capacity: capacity)
        try store.addRep(rep)
        return rep
    }

    /// Imports a lead, scores it (`score` points, qualified when 50 or more) and moves it to `mql`.
    @discardableResult
    func mql(
        _ name: String, score: Double? = 60, country: String? = nil, region: String? = nil, email: String? = nil,
        source: String? = "web", grade: Grade = .b, createdAt: Date? = nil
    ) throws -> LeadID {
        let lead = Lead(
            externalID: name, firstName: name, email: EmailAddress(email ?? "\(name)@lead.example.com"),
            company: "\(name) Ltd", country: country, source: source, createdAt: createdAt ?? clock.now,
            attributes: region.map { ["region": .text($0)] } ?? [:])
        let outcome = try store.importLeads(runID: ImportRunID()) { try $0.upsert(lead, dedupeKey: name).outcome }
        guard case .created(let id) = outcome else { fatalError("expected a new lead") }
        if let score { try self.score(id, score, grade: grade) }
        try store.transition(
            .init(leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: clock.now))
        return id
    }

    /// Saves a current score for the lead (rule `fit.size` gives all the points).
    func score(_ id: LeadID, _ total: Double, grade: Grade = .b, rule: String = "fit.size") throws {
        try store.saveScores([
            LeadScore(
                leadID: id, fit: total, engagement: 0, total: total, grade: grade, qualified: total >= 50,
                modelVersion: modelVersion,
                contributions: [ScoreContribution(ruleID: rule, label: "Rule \(rule)", points: total, kind: .fit)],
                scoredAt: clock.now)
        ])
    }

    func stage(_ id: LeadID) throws -> LifecycleStage { try store.lead(id: id)!.stage }

    /// What a rep's device push would do: one mutation, the next id of the rep's client.
    @discardableResult
    func push(_ rep: RepID, _ lead: LeadID, _ intent: MutationIntent) throws -> PushOutcome {
        let id = mutationIDs.withLock { ids in
            ids[rep, default: 0] += 1
            return ids[rep]!
        }
        let client = "device-\(rep)"
        return try sync.push(
            repID: rep,
            PushRequest(
                clientID: client, mutations: [Mutation(clientID: client, mutationID: id, leadID: lead, intent: intent)])
        )[0].outcome
    }

    func router(_ rules: RoutingRules? = nil) -> Router {
        let clock = self.clock
        return Router(store: store, rules: rules, now: { clock.now })
    }
}
