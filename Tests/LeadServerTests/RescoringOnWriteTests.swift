import Foundation
import HTTPTypes
import LeadModel
import SQLiteStore
import StoreContract
import Testing

/// Writes through the admin API are scored under the model in force (SPEC §3.1, §4): a model set
/// over HTTP rescores the store, and leads or events sent in a batch are scored at once, so no
/// lead waits in `new` for the next `score` run.
@Suite("Rescoring on API writes")
struct RescoringOnWriteTests {
    /// Referral leads fit (50 points, over the 45 threshold); a webinar adds 50 engagement points.
    static let model = #"""
        {"version": 1, "name": "referrals",
         "fitRules": [{"id": "referral", "label": "Referred", "field": "source", "equals": "reference", "points": 50}],
         "engagementRules": [{"id": "webinar", "label": "Attended a webinar", "eventType": "webinar", "points": 50, "cap": 50}],
         "gradeBands": {"a": 50, "b": 30, "c": 10},
         "qualification": {"threshold": 45}}
        """#

    static func setModelBody() throws -> String {
        let document = String(decoding: try JSONEncoder().encode(model), as: UTF8.self)
        return #"{"document": \#(document), "note": "rescoring test"}"#
    }

    @Test func batchLeadsAreScoredUnderTheModelInForce() async throws {
        let server = try TestServer()
        let (setModel, batch) = try await server.test { client in
            let setModel = try await client.send(
                .put, "/v1/admin/scoring-model", token: TestServer.adminToken, json: try Self.setModelBody())
            let batch = try await client.send(
                .post, "/v1/admin/leads/batch", token: TestServer.adminToken,
                json: #"""
                    {"leads": [{"email": "ref@lead.example", "source": "reference"},
                               {"email": "ad@lead.example", "source": "google"}]}
                    """#)
            return (setModel, batch)
        }
        #expect(setModel.status == 200)
        #expect(batch.status == 200)
        let referral = try #require(try server.store.lead(email: EmailAddress("ref@lead.example")))
        let advert = try #require(try server.store.lead(email: EmailAddress("ad@lead.example")))
        #expect(referral.stage == .mql)
        #expect(advert.stage == .nurturing)
        #expect(try server.store.currentScore(leadID: referral.id)?.total == 50)
        #expect(try server.store.currentScore(leadID: referral.id)?.modelVersion == 2)
    }

    @Test func settingAModelOverHTTPRescoresTheStore() async throws {
        let server = try TestServer()
        let referral = Lead(email: EmailAddress("ref@lead.example"), source: "reference")
        _ = try server.store.importLeads(runID: ImportRunID()) { session in
            try session.upsert(referral, dedupeKey: "email:ref@lead.example")
        }
        #expect(try server.store.lead(email: EmailAddress("ref@lead.example"))?.stage == .new)
        let answer = try await server.test { client in
            try await client.send(
                .put, "/v1/admin/scoring-model", token: TestServer.adminToken, json: try Self.setModelBody())
        }
        #expect(answer.status == 200)
        #expect(answer.json["version"] as? Int == 2)
        #expect(try server.store.lead(email: EmailAddress("ref@lead.example"))?.stage == .mql)
    }

    @Test func batchEventsRescoreTheLeadsTheyTouch() async throws {
        let server = try TestServer()
        let leadID = try await server.test { client -> String in
            _ = try await client.send(
                .put, "/v1/admin/scoring-model", token: TestServer.adminToken, json: try Self.setModelBody())
            let batch = try await client.send(
                .post, "/v1/admin/leads/batch", token: TestServer.adminToken,
                json: #"{"leads": [{"email": "ad@lead.example", "source": "google"}]}"#)
            let results = try #require(batch.json["results"] as? [[String: Any]])
            return try #require(results.first?["leadID"] as? String)
        }
        let id = try #require(LeadID(uuidString: leadID))
        #expect(try server.store.lead(id: id)?.stage == .nurturing)
        let occurredAt = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-60))
        let events = try await server.test { client in
            try await client.send(
                .post, "/v1/admin/events/batch", token: TestServer.adminToken,
                json: #"{"events": [{"leadID": "\#(leadID)", "type": "webinar", "occurredAt": "\#(occurredAt)"}]}"#)
        }
        #expect(events.status == 200)
        #expect(events.json["recorded"] as? Int == 1)
        #expect(try server.store.lead(id: id)?.stage == .mql)
        #expect(try server.store.currentScore(leadID: id)?.engagement ?? 0 > 49)
    }
}
