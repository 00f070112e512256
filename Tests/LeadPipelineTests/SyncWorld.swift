import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol

/// One in-memory server with two reps, the services under test and a fixed, settable clock.
struct SyncWorld {
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)

    let store: SQLiteLeadStore
    let clock: TestClock
    let sync: SyncService
    let assignment: LeadAssignment
    let tokens: DeviceTokens
    let r1: RepID
    let r2: RepID

    init(store: SQLiteLeadStore? = nil, retention: TimeInterval = SyncService.defaultRemovalRetention) throws {
        let clock = TestClock(Self.t0)
        let store = try store ?? SQLiteLeadStore.inMemory(now: { clock.now })
        self.store = store
        self.clock = clock
        sync = SyncService(store: store, removalRetention: retention, now: { clock.now })
        assignment = LeadAssignment(store: store, now: { clock.now })
        tokens = DeviceTokens(store: store, now: { clock.now })
        r1 = RepID()
        r2 = RepID()
        try store.addRep(Rep(id: r1, name: "Rita One", email: EmailAddress("r1@example.com")))
        try store.addRep(Rep(id: r2, name: "Raj Two", email: EmailAddress("r2@example.com")))
    }

    /// Imports `count` leads and moves them to `mql`; returns their ids in order.
    func mqlLeads(_ count: Int, prefix: String = "lead") throws -> [LeadID] {
        let leads = (0..<count).map { index in
            Lead(
                externalID: "\(prefix)-\(index)", firstName: "Lead", lastName: "\(index)",
                email: EmailAddress("\(prefix)\(index)@example.com"), company: "Acme \(index)", source: "web")
        }
        let outcomes = try store.importLeads(runID: ImportRunID()) { session in
            try leads.map { try session.upsert($0, dedupeKey: $0.externalID!).outcome }
        }
        let ids = outcomes.map { outcome -> LeadID in
            guard case .created(let id) = outcome else { fatalError("expected new leads") }
            return id
        }
        for id in ids {
            try store.transition(.init(leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: clock.now))
        }
        return ids
    }

    /// `count` leads assigned to `rep`.
    func assignedLeads(_ count: Int, to rep: RepID, prefix: String = "lead") throws -> [LeadID] {
        let ids = try mqlLeads(count, prefix: prefix)
        for id in ids { try assignment.assign(id, to: rep, actor: "admin:test") }
        return ids
    }

    /// Pulls until `hasMore` is false, applying every page.
    func pullAll(_ replica: inout Replica, rep: RepID, limit: Int? = nil) throws {
        while true {
            let page = try sync.pull(repID: rep, PullRequest(cursor: replica.cursor, limit: limit))
            replica.apply(page)
            if !page.hasMore { return }
        }
    }

    /// Pushes intents as mutations numbered from `firstID`.
    func push(
        _ rep: RepID, client: String, _ intents: [(LeadID, MutationIntent)], firstID: Int64
    ) throws -> [PushOutcome] {
        let mutations = intents.enumerated().map { offset, item in
            Mutation(clientID: client, mutationID: firstID + Int64(offset), leadID: item.0, intent: item.1)
        }
        return try sync.push(repID: rep, PushRequest(clientID: client, mutations: mutations)).map(\.outcome)
    }
}
