import Foundation
import HTTPTypes
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

/// SPEC §8 over HTTP: every bad request is a 4xx `application/problem+json` with a stable code,
/// never a 500.
@Suite struct BadInputTests {
    @Test func malformedJSONIsBadRequestProblem() async throws {
        let server = try TestServer()
        let token = try server.token(for: try server.addRep("Rita"))
        let answer = try await server.test {
            try await $0.send(.post, "/v1/sync/pull", token: token, json: #"{"protocolVersion": 1"#)
        }
        #expect(answer.status == 400)
        #expect(answer.problemCode == "malformed_request")
        #expect(answer.json["status"] as? Int == 400)
        #expect(answer.json["type"] as? String == "https://leadrelay.dev/problems/malformed_request")
    }

    @Test func missingFieldIsNamedInTheDetail() async throws {
        let server = try TestServer()
        let token = try server.token(for: try server.addRep("Rita"))
        let answer = try await server.test {
            try await $0.send(.post, "/v1/sync/push", token: token, json: #"{"protocolVersion": 1, "mutations": []}"#)
        }
        #expect(answer.status == 400)
        #expect(answer.problemCode == "malformed_request")
        #expect((answer.json["detail"] as? String)?.contains("clientID") == true)
    }

    @Test func unknownIntentKindIsBadRequest() async throws {
        let server = try TestServer()
        let token = try server.token(for: try server.addRep("Rita"))
        let answer = try await server.test {
            try await $0.push(
                token: token, clientID: "d1",
                mutations: [#"{"mutationID": 1, "leadID": "\#(UUID())", "intent": {"kind": "explode"}}"#])
        }
        #expect(answer.status == 400)
        #expect(answer.problemCode == "malformed_request")
    }

    @Test func oversizedBodyIsPayloadTooLarge() async throws {
        let server = try TestServer(maxRequestBodyBytes: 1_024)
        let token = try server.token(for: try server.addRep("Rita"))
        let padding = String(repeating: "x", count: 2_000)
        let answer = try await server.test {
            try await $0.send(
                .post, "/v1/sync/pull", token: token, json: #"{"protocolVersion": 1, "pad": "\#(padding)"}"#)
        }
        #expect(answer.status == 413)
        #expect(answer.problemCode == "payload_too_large")
    }

    /// S16: an unsupported protocol version is a typed error on both sync operations.
    @Test func unsupportedProtocolVersionIsTyped() async throws {
        let server = try TestServer()
        let token = try server.token(for: try server.addRep("Rita"))
        let (pull, push) = try await server.test { client in
            (
                try await client.send(.post, "/v1/sync/pull", token: token, json: #"{"protocolVersion": 99}"#),
                try await client.send(
                    .post, "/v1/sync/push", token: token,
                    json: #"{"protocolVersion": 99, "clientID": "d1", "mutations": []}"#)
            )
        }
        for answer in [pull, push] {
            #expect(answer.status == 400)
            #expect(answer.problemCode == "unsupported_protocol_version")
        }
    }

    @Test func foreignCursorIsInvalidRequest() async throws {
        let server = try TestServer()
        let token = try server.token(for: try server.addRep("Rita"))
        let answer = try await server.test { try await $0.pull(token: token, cursor: "not-a-cursor") }
        #expect(answer.status == 400)
        #expect(answer.problemCode == "invalid_request")
    }

    @Test func cursorFromAnotherEpochIsResyncRequired() async throws {
        let server = try TestServer()
        let token = try server.token(for: try server.addRep("Rita"))
        let answer = try await server.test {
            try await $0.pull(token: token, cursor: "c1.\(UUID().uuidString.lowercased()).5")
        }
        #expect(answer.status == 409)
        #expect(answer.problemCode == "resync_required")
    }

    /// Found by schemathesis: a client id of one NUL reached SQLite as empty text and failed the
    /// binding's CHECK, a 500.
    @Test(arguments: [#"\u0000"#, #"device\u0007"#, #"\u001b[0m"#])
    func clientIDWithAControlCharacterIsInvalidRequest(clientID: String) async throws {
        let server = try TestServer()
        let token = try server.token(for: try server.addRep("Rita"))
        let answer = try await server.test {
            try await $0.send(
                .post, "/v1/sync/push", token: token,
                json: #"""
                    {"protocolVersion": 1, "clientID": "\#(clientID)", "mutations": [
                        {"mutationID": 1, "leadID": "\#(UUID())", "intent": {"kind": "accept"}}]}
                    """#)
        }
        #expect(answer.status == 400)
        #expect(answer.problemCode == "invalid_request")
        #expect((answer.json["detail"] as? String)?.contains("control characters") == true)
    }

    /// SQLite ends bound text at NUL: a note starting with one failed rep_note's CHECK (a 500),
    /// one with NUL inside was stored cut short. Both are refused before the store.
    @Test(arguments: [
        #"{"kind": "addNote", "text": "\u0000called"}"#, #"{"kind": "addNote", "text": "called\u0000back"}"#,
        #"{"kind": "reject", "reason": "other", "note": "no\u0000te"}"#,
        #"{"kind": "correctContact", "fields": {"phone": "+1\u0000555"}}"#,
    ])
    func aNulInAMutationTextIsInvalidRequest(intent: String) async throws {
        let server = try TestServer()
        let token = try server.token(for: try server.addRep("Rita"))
        let answer = try await server.test {
            try await $0.push(
                token: token, clientID: "d1",
                mutations: [#"{"mutationID": 1, "leadID": "\#(UUID())", "intent": \#(intent)}"#])
        }
        #expect(answer.status == 400)
        #expect(answer.problemCode == "invalid_request")
        #expect((answer.json["detail"] as? String)?.contains("mutations[0].intent") == true)
    }

    @Test func limitOutOfRangeIsInvalidRequest() async throws {
        let server = try TestServer()
        let token = try server.token(for: try server.addRep("Rita"))
        let answer = try await server.test { try await $0.pull(token: token, limit: 5_001) }
        #expect(answer.status == 400)
        #expect(answer.problemCode == "invalid_request")
    }

    @Test func unknownRouteIsNotFoundProblem() async throws {
        let server = try TestServer()
        let answer = try await server.test { try await $0.send(.get, "/v1/nothing-here") }
        #expect(answer.status == 404)
        #expect(answer.problemCode == "not_found")
    }

    @Test func wrongContentTypeIsAClientError() async throws {
        let server = try TestServer()
        let token = try server.token(for: try server.addRep("Rita"))
        let answer = try await server.test {
            try await $0.send(
                .post, "/v1/sync/pull", token: token, json: "protocolVersion=1", contentType: "text/plain")
        }
        #expect((400..<500).contains(answer.status))
        #expect(answer.problemCode != nil)
    }

    @Test func invalidLeadEmailIsNamedValidationFailure() async throws {
        let server = try TestServer()
        let answer = try await server.test {
            try await $0.send(
                .post, "/v1/admin/leads/batch", token: TestServer.adminToken,
                json: #"{"leads": [{"email": "ok@example.com"}, {"email": "not-an-email"}]}"#)
        }
        #expect(answer.status == 422)
        #expect(answer.problemCode == "validation_failed")
        #expect((answer.json["detail"] as? String)?.hasPrefix("leads[1].email") == true)
    }

    /// Every limit the contract states is enforced (issue 14 item 2): an attribute value over
    /// 1,000 characters, an event type over 100 and a dedupe key over 500 are 422s naming the
    /// field; a note over 4,000 characters is refused `too_large` on its own, the push going on.
    @Test func valuesOverTheContractsLengthsAreRefusedNamingTheField() async throws {
        let server = try TestServer()
        let rita = try server.addRep("Rita")
        let token = try server.token(for: rita)
        let lead = try server.addQualifiedLead("Ada")
        try server.assign(lead, to: rita)
        let long = String(repeating: "a", count: 1_001)
        let answers = try await server.test { client in
            [
                try await client.send(
                    .post, "/v1/admin/leads/batch", token: TestServer.adminToken,
                    json: #"{"leads": [{"email": "ok@example.com", "attributes": {"notes": "\#(long)"}}]}"#),
                try await client.send(
                    .post, "/v1/admin/events/batch", token: TestServer.adminToken,
                    json:
                        #"{"events": [{"leadID": "\#(lead)", "type": "\#(long.prefix(101))", "occurredAt": "2026-01-01T00:00:00Z"}]}"#
                ),
                try await client.send(
                    .post, "/v1/admin/events/batch", token: TestServer.adminToken,
                    json:
                        #"{"events": [{"leadID": "\#(lead)", "type": "webinar", "occurredAt": "2026-01-01T00:00:00Z", "dedupeKey": "\#(long.prefix(501))"}]}"#
                ),
            ]
        }
        #expect(answers.map(\.status) == [422, 422, 422])
        let details = answers.compactMap { $0.json["detail"] as? String }
        #expect(details.count == 3)
        #expect(details[0].hasPrefix("leads[0].attributes.notes"))
        #expect(details[1].hasPrefix("events[0].type"))
        #expect(details[2].hasPrefix("events[0].dedupeKey"))

        let note = String(repeating: "n", count: 4_001)
        let push = try await server.test {
            try await $0.push(
                token: token, clientID: "d1",
                mutations: [
                    #"{"mutationID": 1, "leadID": "\#(lead)", "intent": {"kind": "addNote", "text": "\#(note)"}}"#,
                    #"{"mutationID": 2, "leadID": "\#(lead)", "intent": {"kind": "addNote", "text": "short"}}"#,
                ])
        }
        #expect(push.status == 200)
        #expect(push.results.map(\.status) == ["rejected", "applied"])
        #expect(push.results.first?.code == "too_large")
        #expect(try server.store.notes(leadID: lead).map(\.text) == ["short"])
    }
}
