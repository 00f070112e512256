import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// `tokens issue | revoke` and `leads assign` through the real command code.
@Suite struct TokensAndAssignCommandTests {
    @Test func issuedTokenVerifiesUntilRevoked() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("t.sqlite")
        #expect(
            await CommandRun.leadrelayServer("reps", "add", "Alice", "--email", "alice@example.com", "--db", db).status
                == 0)
        let issued = await CommandRun.leadrelayServer("tokens", "issue", "--rep", "alice@example.com", "--db", db)
        #expect(issued.status == 0)
        let token = try #require(issued.output.split(separator: "\n").first.map(String.init))
        let store = try SQLiteLeadStore(path: db)
        let tokens = DeviceTokens(store: store)
        #expect(try tokens.verify(token) != nil)
        let id = DeviceTokens.hash(token)
        #expect(issued.output.contains("token id \(id)"))
        let revoked = await CommandRun.leadrelayServer("tokens", "revoke", id, "--db", db)
        #expect(revoked.status == 0)
        #expect(try tokens.verify(token) == nil)
        let unknown = await CommandRun.leadrelayServer(
            "tokens", "revoke", String(repeating: "0", count: 64), "--db", db)
        #expect(unknown.status == 1)
        let neither = await CommandRun.leadrelayServer("tokens", "revoke", "--db", db)
        #expect(neither.status == 64)
    }

    @Test func revokeByRepRevokesEveryToken() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("t.sqlite")
        _ = await CommandRun.leadrelayServer("reps", "add", "Alice", "--email", "alice@example.com", "--db", db)
        _ = await CommandRun.leadrelayServer("tokens", "issue", "--rep", "alice@example.com", "--db", db)
        _ = await CommandRun.leadrelayServer("tokens", "issue", "--rep", "alice@example.com", "--db", db)
        let revoked = await CommandRun.leadrelayServer("tokens", "revoke", "--rep", "alice@example.com", "--db", db)
        #expect(revoked.status == 0)
        #expect(revoked.output.contains("revoked 2 tokens"))
    }

    @Test func assignHandsAQualifiedLeadToTheRep() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("t.sqlite")
        _ = await CommandRun.leadrelayServer("reps", "add", "Alice", "--email", "alice@example.com", "--db", db)
        let store = try SQLiteLeadStore(path: db)
        let lead = Lead(email: EmailAddress("ada@lead.example"))
        let outcome = try store.importLeads(runID: ImportRunID()) {
            try $0.upsert(lead, dedupeKey: "email:ada@lead.example").outcome
        }
        guard case .created(let id) = outcome else { Issue.record("lead not created"); return }
        try store.transition(StageTransitionRequest(leadID: id, to: .mql, trigger: .score, actor: "test", at: Date()))
        let assigned = await CommandRun.leadrelayServer(
            "leads", "assign", id.description, "--rep", "alice@example.com", "--db", db)
        #expect(assigned.status == 0, "\(assigned.errorOutput)")
        #expect(try store.lead(id: id)?.stage == .assigned)
        let again = await CommandRun.leadrelayServer(
            "leads", "assign", id.description, "--rep", "nobody@example.com", "--db", db)
        #expect(again.status == 1)
    }
}
