import Foundation
import LeadModel
import SyncProtocol

/// The engine's store port in memory: each method is atomic (an actor call), like a transaction.
actor InMemorySyncStore: SyncLocalStore {
    /// An outbox row.
    struct Row {
        var mutation: Mutation
        var state: String
        var code: MutationRejectionCode?
    }

    let clientID = "client-1"
    var leads: [LeadID: SyncedLead] = [:]
    var storedCursor: SyncCursor?
    var outbox: [Row] = []
    var lastSync: Date?
    /// When set, the apply of that page number (1-based, counted over the store's life) throws
    /// before changing anything (the process dying mid-page).
    var failApplyAt: Int?
    var appliedPages = 0

    struct Crash: Error {}

    func setFailApplyAt(_ page: Int?) { failApplyAt = page }

    /// Queues a mutation with the next id.
    @discardableResult
    func enqueue(_ intent: MutationIntent, leadID: LeadID) -> Mutation {
        let mutation = Mutation(
            clientID: clientID, mutationID: Int64(outbox.count + 1), leadID: leadID, intent: intent)
        outbox.append(Row(mutation: mutation, state: "queued"))
        return mutation
    }

    func states() -> [String] { outbox.map(\.state) }
    func codes() -> [MutationRejectionCode?] { outbox.map(\.code) }
    func insertStray(_ lead: SyncedLead) { leads[lead.leadID] = lead }

    func cursor() async throws -> SyncCursor? { storedCursor }

    func unsentMutations(upTo lastID: Int64, limit: Int) async throws -> [Mutation] {
        Array(
            outbox.filter { ($0.state == "queued" || $0.state == "sent") && $0.mutation.mutationID <= lastID }
                .prefix(limit).map(\.mutation))
    }

    func lastQueuedMutationID() async throws -> Int64 { outbox.last?.mutation.mutationID ?? 0 }

    func markSent(_ mutationIDs: [Int64], at date: Date) async throws {
        for index in outbox.indices where mutationIDs.contains(outbox[index].mutation.mutationID) {
            if outbox[index].state == "queued" { outbox[index].state = "sent" }
        }
    }

    func recordResults(_ results: [PushResult], at date: Date) async throws {
        for result in results {
            guard let index = outbox.firstIndex(where: { $0.mutation.mutationID == result.mutationID }) else {
                continue
            }
            switch result.outcome {
            case .applied, .duplicate: outbox[index].state = "applied"
            case .rejected(.gap): break
            case .rejected(let code):
                outbox[index].state = "refused"
                outbox[index].code = code
            }
        }
    }

    func apply(_ page: PullPage) async throws {
        appliedPages += 1
        if appliedPages == failApplyAt { throw Crash() }
        for lead in page.upserts { leads[lead.leadID] = lead }
        for removal in page.removals { leads[removal.leadID] = nil }
        storedCursor = page.cursor
    }

    func localDigest() async throws -> ScopeDigest {
        ScopeDigest(leads.values.map { ($0.leadID, $0.version) })
    }

    func resetReplica() async throws {
        leads = [:]
        storedCursor = nil
    }

    func recordSyncCompleted(at date: Date, digest: ScopeDigest) async throws { lastSync = date }
}
