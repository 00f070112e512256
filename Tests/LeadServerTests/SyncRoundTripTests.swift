import Foundation
import HTTPTypes
import LeadModel
import SQLiteStore
import StoreContract
import Testing

/// Pull and push through HTTP against the real services and a temporary SQLite store.
@Suite struct SyncRoundTripTests {
    /// S12: assigned leads arrive with score and explanation; accept + reject(no_budget) are
    /// applied; the next pull removes the rejected lead with reason `recycled`.
    @Test func rejectedLeadIsRecycledAndRemovedFromTheDevice() async throws {
        let server = try TestServer()
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let l1 = try server.addQualifiedLead("Ada", total: 80)
        let l8 = try server.addQualifiedLead("Bea", total: 65)
        try server.assign(l1, to: rep)
        try server.assign(l8, to: rep)

        let (first, pushed, second) = try await server.test { client in
            let first = try await client.pull(token: token)
            let pushed = try await client.push(
                token: token, clientID: "device-1",
                mutations: [
                    #"{"mutationID": 1, "leadID": "\#(l1)", "intent": {"kind": "accept"}}"#,
                    #"{"mutationID": 2, "leadID": "\#(l8)", "intent": {"kind": "reject", "reason": "no_budget", "note": "frozen"}}"#,
                ])
            let cursor = try #require(first.json["cursor"] as? String)
            return (first, pushed, try await client.pull(token: token, cursor: cursor))
        }
        #expect(first.status == 200)
        #expect(Set(first.upsertIDs) == [l1.description, l8.description])
        #expect(first.json["scopeCount"] as? Int == 2)
        let upserts = first.json["upserts"] as? [[String: Any]] ?? []
        let ada = try #require(upserts.first { $0["leadID"] as? String == l1.description })
        #expect(ada["scoreTotal"] as? Double == 80)
        #expect(ada["grade"] as? String == "B")
        #expect((ada["topContributions"] as? [[String: Any]])?.first?["ruleID"] as? String == "title-vp")

        #expect(pushed.status == 200)
        #expect(pushed.results.map(\.status) == ["applied", "applied"])

        #expect(second.status == 200)
        #expect(second.removals.map(\.leadID) == [l8.description])
        #expect(second.removals.first?.reason == "recycled")
        #expect(second.json["scopeCount"] as? Int == 1)
        let stages = try server.store.stageHistory(leadID: l8).map(\.to)
        #expect(stages.contains(.recycled))
    }

    /// S10: a lead reassigned from R1 to R2 is removed from R1's device (`reassigned`) and added
    /// to R2's.
    @Test func reassignedLeadMovesBetweenDevices() async throws {
        let server = try TestServer()
        let r1 = try server.addRep("Rita")
        let r2 = try server.addRep("Sam")
        let t1 = try server.token(for: r1)
        let t2 = try server.token(for: r2)
        let l7 = try server.addQualifiedLead("Cy")
        try server.assign(l7, to: r1)
        let (before, afterR1, afterR2) = try await server.test { client in
            let before = try await client.pull(token: t1)
            let cursor = try #require(before.json["cursor"] as? String)
            let assigned = try await client.send(
                .post, "/v1/admin/leads/\(l7)/assign", token: TestServer.adminToken, json: #"{"repID": "\#(r2.id)"}"#)
            #expect(assigned.status == 200)
            return (before, try await client.pull(token: t1, cursor: cursor), try await client.pull(token: t2))
        }
        #expect(before.upsertIDs == [l7.description])
        #expect(afterR1.removals.map(\.leadID) == [l7.description])
        #expect(afterR1.removals.first?.reason == "reassigned")
        #expect(afterR1.json["scopeCount"] as? Int == 0)
        #expect(afterR2.upsertIDs == [l7.description])
    }

    /// S8: one bad mutation (unknown reason) is refused with a code; the others are applied.
    @Test func oneBadMutationDoesNotBlockTheQueue() async throws {
        let server = try TestServer()
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let leads = try ["Ada", "Bea", "Cy"].map { try server.addQualifiedLead($0) }
        for lead in leads { try server.assign(lead, to: rep) }
        let pushed = try await server.test { client in
            try await client.push(
                token: token, clientID: "device-1",
                mutations: [
                    #"{"mutationID": 1, "leadID": "\#(leads[0])", "intent": {"kind": "accept"}}"#,
                    #"{"mutationID": 2, "leadID": "\#(leads[1])", "intent": {"kind": "reject", "reason": "too_expensive"}}"#,
                    #"{"mutationID": 3, "leadID": "\#(leads[2])", "intent": {"kind": "addNote", "text": "call back"}}"#,
                ])
        }
        #expect(pushed.results.map(\.status) == ["applied", "rejected", "applied"])
        #expect(pushed.results[1].code == "unknown_reason")
    }

    /// S18: a token revoked between two pages of a sync gets 401 on the next page.
    @Test func tokenRevokedMidSyncIsUnauthorized() async throws {
        let server = try TestServer()
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        for name in ["Ada", "Bea", "Cy"] { try server.assign(try server.addQualifiedLead(name), to: rep) }
        let (page1, revoke, page2) = try await server.test { client in
            let page1 = try await client.pull(token: token, limit: 1)
            let cursor = try #require(page1.json["cursor"] as? String)
            let revoke = try await client.send(
                .delete, "/v1/admin/tokens/\(DeviceTokensHash.of(token))", token: TestServer.adminToken)
            return (page1, revoke, try await client.pull(token: token, cursor: cursor, limit: 1))
        }
        #expect(page1.status == 200)
        #expect(page1.json["hasMore"] as? Bool == true)
        #expect(revoke.status == 204)
        #expect(page2.status == 401)
        #expect(page2.problemCode == "unauthorized")
    }
}
