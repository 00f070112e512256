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
    /// The id the next queued mutation gets.
    var nextMutationID: Int64 = 1
    /// When set, the apply of that page number (1-based, counted over the store's life) throws
    /// `CancellationError` before changing anything: the process dying mid-page, which nothing
    /// after it in the engine may handle.
    var failApplyAt: Int?
    var appliedPages = 0

    /// A lead whose pages the store refuses (a row its database will not take), or `nil`.
    var refuseApplyOf: LeadID?

    func setRefuseApplyOf(_ leadID: LeadID?) { refuseApplyOf = leadID }

    /// An error every apply throws (a full disk), or `nil`.
    var applyFailure: (any Error)?

    func setApplyFailure(_ error: (any Error)?) { applyFailure = error }

    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "disk I/O error" }
    }

    func setFailApplyAt(_ page: Int?) { failApplyAt = page }

    /// Queues a mutation with the next id.
    @discardableResult
    func enqueue(_ intent: MutationIntent, leadID: LeadID) -> Mutation {
        let mutation = Mutation(
            clientID: clientID, mutationID: nextMutationID, leadID: leadID, intent: intent)
        nextMutationID += 1
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

    /// The limits of the last page that stated them.
    var limits: SyncLimits?

    func serverLimits() async throws -> SyncLimits? { limits }

    func acknowledgedThrough() async throws -> Int64? {
        outbox.filter { $0.state == "applied" || $0.state == "refused" }.map(\.mutation.mutationID).max()
    }

    func requeueAnswered(after lastApplied: Int64) async throws -> Int {
        var count = 0
        for index in outbox.indices
        where outbox[index].mutation.mutationID > lastApplied
            && (outbox[index].state == "applied" || outbox[index].state == "refused")
        {
            outbox[index].state = "queued"
            outbox[index].code = nil
            count += 1
        }
        return count
    }

    func renumberUnsent(conflictsThrough: Int64, serverLastApplied: Int64) async throws -> [(old: Int64, new: Int64)] {
        func selected(_ row: Row) -> Bool {
            row.state == "queued" || row.state == "sent"
                || (row.state == "refused" && row.code == .conflict && row.mutation.mutationID <= conflictsThrough)
        }
        let kept = outbox.filter { !selected($0) }.map(\.mutation.mutationID).max() ?? 0
        var next = max(serverLastApplied, kept) + 1
        var pairs: [(old: Int64, new: Int64)] = []
        for index in outbox.indices where selected(outbox[index]) {
            let old = outbox[index].mutation.mutationID
            outbox[index].mutation.mutationID = next
            outbox[index].state = "queued"
            outbox[index].code = nil
            pairs.append((old, next))
            next += 1
        }
        outbox.sort { $0.mutation.mutationID < $1.mutation.mutationID }
        nextMutationID = next
        return pairs
    }

    func apply(_ page: PullPage) async throws {
        appliedPages += 1
        if appliedPages == failApplyAt { throw CancellationError() }
        if let applyFailure { throw applyFailure }
        if let refused = refuseApplyOf, page.upserts.contains(where: { $0.leadID == refused }) {
            throw LeadNotStorable(leadID: refused, detail: "refused by the test")
        }
        for lead in page.upserts { leads[lead.leadID] = lead }
        for removal in page.removals { leads[removal.leadID] = nil }
        storedCursor = page.cursor
        if let stated = page.limits { limits = stated }
    }

    func localDigest() async throws -> ScopeDigest {
        ScopeDigest(leads.values.map { ($0.leadID, $0.version) })
    }

    func resetReplica() async throws {
        leads = [:]
        storedCursor = nil
    }

    func recordSyncCompleted(at date: Date, digest: ScopeDigest, limits: SyncLimits?) async throws {
        lastSync = date
        if let limits { self.limits = limits }
    }
}
