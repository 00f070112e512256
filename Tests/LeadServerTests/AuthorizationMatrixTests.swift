import Foundation
import HTTPTypes
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import Testing

/// Every operation × every kind of credential → the documented status (S17, S18; SPEC §5 rule 8).
@Suite struct AuthorizationMatrixTests {
    enum Credential: String, CaseIterable, Sendable {
        case none, revoked, rep, otherRep, admin
    }

    enum Kind: Sendable { case open, sync, admin }

    /// One operation of api-schema/openapi.yaml, with a request that succeeds for the right
    /// credential, and that success status.
    struct Operation: Sendable, CustomTestStringConvertible {
        let id: String
        let kind: Kind
        let method: HTTPRequest.Method
        let success: Int
        let request: @Sendable (World) -> (path: String, body: String?)
        var testDescription: String { id }
    }

    /// The seeded server: R1 holds lead L1, R2 holds lead L2; a spare token of R1 to revoke;
    /// routing rules version 1 (every lead to every active rep).
    struct World: Sendable {
        let server: TestServer
        let r1: Rep
        let r2: Rep
        let l1: LeadID
        let l2: LeadID
        let freeLead: LeadID
        let r1Token: String
        let r2Token: String
        let revokedToken: String
        let spareTokenID: String

        init() throws {
            server = try TestServer()
            r1 = try server.addRep("Rita")
            r2 = try server.addRep("Sam")
            l1 = try server.addQualifiedLead("Ada")
            l2 = try server.addQualifiedLead("Bea")
            freeLead = try server.addQualifiedLead("Cy")
            try server.assign(l1, to: r1)
            try server.assign(l2, to: r2)
            r1Token = try server.token(for: r1)
            r2Token = try server.token(for: r2)
            revokedToken = try server.token(for: r1)
            try DeviceTokens(store: server.store).revoke(revokedToken)
            spareTokenID = DeviceTokens.hash(try server.token(for: r1))
            try server.store.saveRoutingRules(document: "territories: []\n", createdBy: "test", note: nil, at: Date())
        }

        func token(_ credential: Credential) -> String? {
            switch credential {
            case .none: return nil
            case .revoked: return revokedToken
            case .rep: return r1Token
            case .otherRep: return r2Token
            case .admin: return TestServer.adminToken
            }
        }
    }

    static let operations: [Operation] = [
        Operation(id: "getHealth", kind: .open, method: .get, success: 200) { _ in ("/health", nil) },
        Operation(id: "getReady", kind: .open, method: .get, success: 200) { _ in ("/ready", nil) },
        Operation(id: "pull", kind: .sync, method: .post, success: 200) { _ in
            ("/v1/sync/pull", #"{"protocolVersion": 1}"#)
        },
        Operation(id: "push", kind: .sync, method: .post, success: 200) { world in
            (
                "/v1/sync/push",
                #"{"protocolVersion": 1, "clientID": "matrix-\#(UUID())", "mutations": [{"mutationID": 1, "leadID": "\#(world.l1)", "intent": {"kind": "addNote", "text": "called"}}]}"#
            )
        },
        Operation(id: "upsertLeads", kind: .admin, method: .post, success: 200) { _ in
            ("/v1/admin/leads/batch", #"{"leads": [{"email": "new@lead.example", "firstName": "New"}]}"#)
        },
        Operation(id: "addEvents", kind: .admin, method: .post, success: 200) { world in
            (
                "/v1/admin/events/batch",
                #"{"events": [{"leadID": "\#(world.l1)", "type": "pricing_page_visit", "occurredAt": "2026-11-20T09:15:00Z"}]}"#
            )
        },
        Operation(id: "listReps", kind: .admin, method: .get, success: 200) { _ in ("/v1/admin/reps", nil) },
        Operation(id: "createRep", kind: .admin, method: .post, success: 201) { _ in
            ("/v1/admin/reps", #"{"name": "Zed", "email": "zed@example.com"}"#)
        },
        Operation(id: "deactivateRep", kind: .admin, method: .post, success: 200) { world in
            ("/v1/admin/reps/\(world.r2.id)/deactivate", nil)
        },
        Operation(id: "issueDeviceToken", kind: .admin, method: .post, success: 201) { world in
            ("/v1/admin/reps/\(world.r1.id)/tokens", nil)
        },
        Operation(id: "revokeDeviceToken", kind: .admin, method: .delete, success: 204) { world in
            ("/v1/admin/tokens/\(world.spareTokenID)", nil)
        },
        Operation(id: "assignLead", kind: .admin, method: .post, success: 200) { world in
            ("/v1/admin/leads/\(world.freeLead)/assign", #"{"repID": "\#(world.r1.id)"}"#)
        },
        Operation(id: "getScoringModel", kind: .admin, method: .get, success: 200) { _ in
            ("/v1/admin/scoring-model", nil)
        },
        Operation(id: "setScoringModel", kind: .admin, method: .put, success: 422) { _ in
            ("/v1/admin/scoring-model", #"{"document": "{}"}"#)
        },
        Operation(id: "getFunnelReport", kind: .admin, method: .get, success: 200) { _ in
            ("/v1/admin/reports/funnel", nil)
        },
        Operation(id: "getQualityReport", kind: .admin, method: .get, success: 200) { _ in
            ("/v1/admin/reports/quality?since=2026-01-01&slaHours=24", nil)
        },
        Operation(id: "getRoutingRules", kind: .admin, method: .get, success: 200) { _ in
            ("/v1/admin/routing-rules", nil)
        },
        Operation(id: "setRoutingRules", kind: .admin, method: .put, success: 200) { _ in
            ("/v1/admin/routing-rules", #"{"document": "default:\n  reps: [rita@example.com]\n"}"#)
        },
        Operation(id: "routeLeads", kind: .admin, method: .post, success: 200) { _ in ("/v1/admin/route", nil) },
        Operation(id: "runFollowUpSLA", kind: .admin, method: .post, success: 200) { _ in
            ("/v1/admin/sla/run?hours=24", nil)
        },
        Operation(id: "runRecycling", kind: .admin, method: .post, success: 200) { _ in
            ("/v1/admin/recycle/run", nil)
        },
    ]

    /// The documented status of `operation` for `credential`.
    static func expectedStatus(_ operation: Operation, _ credential: Credential) -> Int {
        switch (operation.kind, credential) {
        case (.open, _): return operation.success
        case (_, .none), (_, .revoked): return 401
        case (.sync, .rep), (.sync, .otherRep): return operation.success
        case (.sync, .admin): return 403
        case (.admin, .admin): return operation.success
        case (.admin, .rep), (.admin, .otherRep): return 403
        }
    }

    @Test(arguments: operations, Credential.allCases)
    func operationAnswersTheDocumentedStatus(_ operation: Operation, _ credential: Credential) async throws {
        let world = try World()
        let (path, body) = operation.request(world)
        let answer = try await world.server.test { client in
            try await client.send(operation.method, path, token: world.token(credential), json: body)
        }
        let expected = Self.expectedStatus(operation, credential)
        #expect(answer.status == expected, "\(operation.id) with \(credential.rawValue): \(answer.text)")
        if answer.status >= 400 {
            #expect(answer.headers[.contentType] == "application/problem+json")
            #expect(answer.problemCode != nil)
        }
        if expected == 401 { #expect(answer.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true) }
        if operation.id == "pull", answer.status == 200 {
            let own = credential == .rep ? world.l1 : world.l2
            #expect(answer.upsertIDs == [own.description], "a rep receives only their own leads")
        }
    }

    /// S17: R2 pushes a verdict on R1's lead (refused `not_assigned`, R1's lead untouched) and
    /// reuses R1's client id (403).
    @Test func otherRepCannotChangeOrImpersonate() async throws {
        let world = try World()
        let (verdict, impersonation, r1Pull) = try await world.server.test { client in
            let verdict = try await client.push(
                token: world.r2Token, clientID: "r2-device",
                mutations: [
                    #"{"mutationID": 1, "leadID": "\#(world.l1)", "intent": {"kind": "reject", "reason": "spam"}}"#
                ])
            _ = try await client.push(
                token: world.r1Token, clientID: "r1-device",
                mutations: [
                    #"{"mutationID": 1, "leadID": "\#(world.l1)", "intent": {"kind": "addNote", "text": "mine"}}"#
                ])
            let impersonation = try await client.push(
                token: world.r2Token, clientID: "r1-device",
                mutations: [#"{"mutationID": 2, "leadID": "\#(world.l1)", "intent": {"kind": "accept"}}"#])
            return (verdict, impersonation, try await client.pull(token: world.r1Token))
        }
        #expect(verdict.status == 200)
        #expect(verdict.results.map(\.status) == ["rejected"])
        #expect(verdict.results.first?.code == "not_assigned")
        #expect(impersonation.status == 403)
        #expect(impersonation.problemCode == "forbidden")
        #expect(r1Pull.upsertIDs == [world.l1.description])
        let stage = try world.server.store.lead(id: world.l1)?.stage
        #expect(stage == .assigned)
    }
}
