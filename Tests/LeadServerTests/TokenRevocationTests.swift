import Foundation
import HTTPTypes
import LeadPipeline
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// Device tokens are looked up through a cache that lives only while nothing is committed to the
/// store file: a revocation made outside the server (another connection pool on the file, as
/// `leadrelay-server tokens revoke` beside a running server has) is refused on the next request.
@Suite struct TokenRevocationTests {
    @Test func tokenRevokedByAnotherProcessIsRefusedOnTheNextRequest() async throws {
        let server = try TestServer()
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let other = try server.token(for: rep)
        try server.assign(try server.addQualifiedLead("Ada"), to: rep)
        let otherProcess = try SQLiteLeadStore(path: server.folder.path("server.sqlite"))
        let (cached, revokedElsewhere, afterRevocation, otherAfter) = try await server.test { client in
            // Twice each, so the second lookup of each token is answered from the cache.
            let cached = [
                try await client.pull(token: token).status, try await client.pull(token: token).status,
                try await client.pull(token: other).status, try await client.pull(token: other).status,
            ]
            let revokedElsewhere = try DeviceTokens(store: otherProcess).revoke(token)
            return (cached, revokedElsewhere, try await client.pull(token: token), try await client.pull(token: other))
        }
        #expect(cached == [200, 200, 200, 200])
        #expect(revokedElsewhere)
        #expect(afterRevocation.status == 401)
        #expect(afterRevocation.problemCode == "unauthorized")
        #expect(otherAfter.status == 200, "the rep's other token still works")
    }

    @Test func tokenRevokedThroughTheAdminAPIIsRefusedOnTheNextRequest() async throws {
        let server = try TestServer()
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let statuses = try await server.test { client in
            [
                try await client.pull(token: token).status, try await client.pull(token: token).status,
                try await client.send(
                    .delete, "/v1/admin/tokens/\(DeviceTokensHash.of(token))", token: TestServer.adminToken
                ).status,
                try await client.pull(token: token).status,
            ]
        }
        #expect(statuses == [200, 200, 204, 401])
    }
}
