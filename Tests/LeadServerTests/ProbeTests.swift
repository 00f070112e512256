import Foundation
import HTTPTypes
import Testing

@Suite struct ProbeTests {
    @Test func healthAnswersOkWithoutToken() async throws {
        let server = try TestServer()
        let answer = try await server.test { try await $0.send(.get, "/health") }
        #expect(answer.status == 200)
        #expect(answer.json["status"] as? String == "ok")
    }

    @Test func readyAnswersReadyWhenTheStoreAnswers() async throws {
        let server = try TestServer()
        let answer = try await server.test { try await $0.send(.get, "/ready") }
        #expect(answer.status == 200)
        #expect(answer.json["status"] as? String == "ready")
    }

    @Test func metricsCountRequestsPullsAndMutations() async throws {
        let server = try TestServer()
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let lead = try server.addQualifiedLead("Mia")
        try server.assign(lead, to: rep)
        let metrics = try await server.test { client in
            _ = try await client.send(.get, "/health")
            _ = try await client.pull(token: token)
            _ = try await client.push(
                token: token, clientID: "device-1",
                mutations: [#"{"mutationID": 1, "leadID": "\#(lead)", "intent": {"kind": "accept"}}"#])
            return try await client.send(.get, "/metrics")
        }
        #expect(metrics.status == 200)
        #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
        #expect(metrics.text.contains(#"leadrelay_http_requests_total{method="GET",route="/health",status="200"} 1"#))
        #expect(metrics.text.contains("leadrelay_sync_pulls_total 1"))
        #expect(metrics.text.contains("leadrelay_sync_pushes_total 1"))
        #expect(metrics.text.contains(#"leadrelay_sync_mutations_total{outcome="applied"} 1"#))
        #expect(metrics.text.contains("leadrelay_http_request_duration_seconds"))
    }
}
