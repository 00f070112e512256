import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LeadModel
import LeadPipeline
import LeadServer
import Logging
import NIOCore
import SQLiteStore
import StoreContract
import TestSupport

/// One test's whole server: a temporary SQLite store, the application over it (the same
/// `buildApplication` as `serve`), and helpers to seed reps, tokens and assigned leads.
final class TestServer: Sendable {
    static let adminToken = "test-admin-token-0123456789"
    /// The model in force in every test store (version 1): a lead with a VP title qualifies.
    static let scoringModel = #"""
        {"version": 1, "name": "test",
         "fitRules": [{"id": "title-vp", "label": "Title is VP or above", "field": "title", "equals": "VP", "points": 50}],
         "gradeBands": {"a": 50, "b": 30, "c": 10}, "qualification": {"threshold": 45}}
        """#

    let folder: TemporaryFolder
    let store: SQLiteLeadStore
    let metrics = ServerMetrics()
    let configuration: ServerConfiguration
    /// The server clock: the store's stamps, tokens, pushes and assignments read it.
    let now: @Sendable () -> Date

    /// - Parameters:
    ///   - inMemoryFolder: puts the store file on `/dev/shm` when it exists (commits are then not
    ///     bound by fsync), for tests that write thousands of transactions.
    ///   - now: the server clock (the wall clock by default; sync tests set their own).
    init(
        maxRequestBodyBytes: Int = ServerConfiguration.defaultMaxRequestBodyBytes, inMemoryFolder: Bool = false,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        folder = try TemporaryFolder(inMemory: inMemoryFolder)
        self.now = now
        store = try SQLiteLeadStore(path: folder.path("server.sqlite"), now: now)
        configuration = ServerConfiguration(
            port: 0, databasePath: folder.path("server.sqlite"), adminToken: Self.adminToken,
            maxRequestBodyBytes: maxRequestBodyBytes)
        _ = try store.saveScoringModel(document: Self.scoringModel, createdBy: "test", note: nil, at: Date())
    }

    /// Runs `body` against the application in process (no sockets), with the server clock `now`
    /// (the one given at `init` when `nil`).
    func test<Value: Sendable>(
        now: (@Sendable () -> Date)? = nil,
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = try buildApplication(
            configuration, backend: LeadRelayBackend(store: store), metrics: metrics, logger: logger,
            now: now ?? self.now)
        return try await app.test(.router) { client in try await body(client) }
    }

    /// Adds an active rep.
    func addRep(_ name: String) throws -> Rep {
        let rep = Rep(name: name, email: EmailAddress("\(name.lowercased())@example.com"))
        try store.addRep(rep)
        return rep
    }

    /// Issues a device token for `rep`.
    func token(for rep: Rep) throws -> String {
        try DeviceTokens(store: store, now: now).issue(repID: rep.id)
    }

    /// Adds a scored, qualified lead (stage `mql`) with a two-rule explanation.
    func addQualifiedLead(_ name: String, total: Double = 70) throws -> LeadID {
        let lead = Lead(
            firstName: name, email: EmailAddress("\(name.lowercased())@lead.example"), company: "\(name) Ltd")
        let outcome = try store.importLeads(runID: ImportRunID()) { session in
            try session.upsert(lead, dedupeKey: "email:\(name.lowercased())@lead.example").outcome
        }
        guard case .created(let id) = outcome else { throw TestFailure("lead \(name) not created: \(outcome)") }
        try store.saveScores([
            LeadScore(
                leadID: id, fit: total - 20, engagement: 20, total: total, grade: .b, qualified: true, modelVersion: 1,
                contributions: [
                    ScoreContribution(
                        ruleID: "title-vp", label: "Title is VP or above", points: total - 20, kind: .fit),
                    ScoreContribution(
                        ruleID: "pricing", label: "Visited the pricing page", points: 20, kind: .engagement),
                ], scoredAt: now())
        ])
        try store.transition(StageTransitionRequest(leadID: id, to: .mql, trigger: .score, actor: "test", at: now()))
        return id
    }

    /// Hands `lead` to `rep` (or reassigns it).
    func assign(_ lead: LeadID, to rep: Rep) throws {
        try LeadAssignment(store: store, now: now).assign(lead, to: rep.id, actor: "test")
    }
}

/// A failed expectation outside `#expect`.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
