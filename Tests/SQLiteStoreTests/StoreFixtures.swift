import Foundation
import LeadModel
import SQLiteStore
import StoreContract

/// Fixed values and small builders shared by the store tests.
enum StoreFixtures {
    /// 2026-01-01T00:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)

    /// A fresh in-memory store with the production migrator and a fixed clock.
    static func store() throws -> SQLiteLeadStore {
        try SQLiteLeadStore.inMemory(now: { t0 })
    }

    /// A temporary folder removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("leadrelay-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func lead(
        externalID: String? = nil, email: String = "ana@example.com", company: String? = "Acme",
        source: String? = "google", attributes: LeadAttributes = [:],
        postContact: LeadAttributes = [:], outcome: LeadOutcome? = nil
    ) -> Lead {
        Lead(
            externalID: externalID, firstName: "Ana", lastName: "Silva", email: EmailAddress(email),
            company: company, country: "Brazil", source: source, createdAt: t0,
            attributes: attributes, postContactAttributes: postContact, outcome: outcome)
    }

    /// Imports `leads` (keyed by their external id, else their normalised email) as one run.
    @discardableResult
    static func importRun(_ store: SQLiteLeadStore, _ leads: [Lead]) throws -> [LeadUpsertOutcome] {
        try store.importLeads(runID: ImportRunID()) { session in
            try leads.map { try session.upsert($0, dedupeKey: $0.externalID ?? $0.email!.normalized).outcome }
        }
    }

    /// Imports one lead and returns its id.
    static func storedLead(_ store: SQLiteLeadStore, email: String = "ana@example.com") throws -> LeadID {
        let outcome = try importRun(store, [lead(email: email)])
        guard case .created(let id) = outcome[0] else { fatalError("expected a created lead") }
        return id
    }
}
