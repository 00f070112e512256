import Foundation
import HTTPTypes
import LeadModel
import SQLiteStore
import StoreContract
import Testing

/// S5 and S9 over HTTP: retries are answered `duplicate`, a reused id with another payload is a
/// `conflict`, and a gap is refused until the missing mutation arrives.
@Suite struct PushIdempotenceTests {
    @Test func retriedPushIsDuplicateAndChangedPayloadIsConflict() async throws {
        let server = try TestServer()
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let lead = try server.addQualifiedLead("Ada")
        try server.assign(lead, to: rep)
        let accept = #"{"mutationID": 1, "leadID": "\#(lead)", "intent": {"kind": "accept"}}"#
        let changed = #"{"mutationID": 1, "leadID": "\#(lead)", "intent": {"kind": "convert"}}"#
        let answers = try await server.test { client in
            [
                try await client.push(token: token, clientID: "d1", mutations: [accept]),
                try await client.push(token: token, clientID: "d1", mutations: [accept]),
                try await client.push(token: token, clientID: "d1", mutations: [accept]),
                try await client.push(token: token, clientID: "d1", mutations: [changed]),
            ]
        }
        #expect(answers.map { $0.results.first?.status } == ["applied", "duplicate", "duplicate", "rejected"])
        #expect(answers[3].results.first?.code == "conflict")
        let history = try server.store.stageHistory(leadID: lead).filter { $0.to == .accepted }
        #expect(history.count == 1, "one effect for one mutation id")
    }

    @Test func gapIsRefusedUntilTheMissingMutationArrives() async throws {
        let server = try TestServer()
        let rep = try server.addRep("Rita")
        let token = try server.token(for: rep)
        let lead = try server.addQualifiedLead("Ada")
        try server.assign(lead, to: rep)
        @Sendable func note(_ id: Int) -> String {
            #"{"mutationID": \#(id), "leadID": "\#(lead)", "intent": {"kind": "addNote", "text": "note \#(id)"}}"#
        }
        let (withGap, filled) = try await server.test { client in
            (
                try await client.push(token: token, clientID: "d1", mutations: [note(1), note(3)]),
                try await client.push(token: token, clientID: "d1", mutations: [note(2), note(3)])
            )
        }
        #expect(withGap.results.map(\.status) == ["applied", "rejected"])
        #expect(withGap.results.last?.code == "gap")
        #expect(filled.results.map(\.status) == ["applied", "applied"])
    }
}
