import Foundation
import LeadModel
import SyncProtocol
import Testing

@Suite("Sync protocol values")
struct SyncProtocolTests {
    let epoch = UUID(uuidString: "6f1c0e0a-5b0c-4a57-9d0e-3f3b1c2d4e5f")!

    @Test func cursorTextRoundTripsAndCarriesEpochAndSequence() throws {
        let cursor = SyncCursor(epoch: epoch, sequence: 1042)
        #expect(cursor.text == "c1.6f1c0e0a-5b0c-4a57-9d0e-3f3b1c2d4e5f.1042")
        #expect(try SyncCursor(parsing: cursor.text) == cursor)
        let json = try JSONEncoder().encode(cursor)
        #expect(String(decoding: json, as: UTF8.self) == "\"c1.6f1c0e0a-5b0c-4a57-9d0e-3f3b1c2d4e5f.1042\"")
        #expect(try JSONDecoder().decode(SyncCursor.self, from: json) == cursor)
    }

    @Test(arguments: [
        "", "c1", "c2.6f1c0e0a-5b0c-4a57-9d0e-3f3b1c2d4e5f.1", "c1.not-a-uuid.1",
        "c1.6f1c0e0a-5b0c-4a57-9d0e-3f3b1c2d4e5f.", "c1.6f1c0e0a-5b0c-4a57-9d0e-3f3b1c2d4e5f.-1",
        "c1.6f1c0e0a-5b0c-4a57-9d0e-3f3b1c2d4e5f.+1", "c1.6f1c0e0a-5b0c-4a57-9d0e-3f3b1c2d4e5f.99999999999999999999",
        "c1.6f1c0e0a-5b0c-4a57-9d0e-3f3b1c2d4e5f.1.2",
    ])
    func malformedCursorIsATypedError(text: String) {
        #expect(throws: SyncCursorError.malformed(text)) { try SyncCursor(parsing: text) }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SyncCursor.self, from: JSONEncoder().encode(text))
        }
    }

    @Test func protocolVersionOneIsTheOnlySupportedVersion() {
        #expect(SyncProtocolVersion.current == .v1)
        #expect(SyncProtocolVersion.v1.isSupported)
        #expect(!SyncProtocolVersion(rawValue: 2).isSupported)
        #expect(SyncError.unsupportedProtocolVersion(2).code == "unsupported_protocol_version")
    }

    @Test func scopeDigestMatchesTheDocumentedAlgorithm() {
        let a = LeadID(uuidString: "00000000-0000-0000-0000-000000000001")!
        let b = LeadID(uuidString: "00000000-0000-0000-0000-000000000002")!
        #expect(ScopeDigest.elementHash(leadID: a, version: 1) == 0xc942_0079_649a_ea75)
        #expect(ScopeDigest.elementHash(leadID: b, version: 7) == 0x0824_9975_68ed_4a52)
        let elements: [(leadID: LeadID, version: Int64)] = [(a, 1), (b, 7)]
        let digest = ScopeDigest(elements)
        #expect(digest.count == 2)
        #expect(digest.hashText == "d16699eecd8834c7")
        #expect(ScopeDigest.empty.hashText == "0000000000000000")
    }

    @Test func scopeDigestIgnoresOrderAndUndoesRemovalsAndUpdates() {
        let leads = (0..<50).map { (leadID: LeadID(), version: Int64($0 + 1)) }
        let forward = ScopeDigest(leads)
        #expect(ScopeDigest(leads.reversed()) == forward)
        var incremental = ScopeDigest.empty
        for lead in leads.shuffled() { incremental.insert(leadID: lead.leadID, version: lead.version) }
        incremental.update(leadID: leads[3].leadID, from: leads[3].version, to: 900)
        incremental.remove(leadID: leads[7].leadID, version: leads[7].version)
        var expected = leads
        expected[3].version = 900
        expected.remove(at: 7)
        #expect(incremental == ScopeDigest(expected))
        #expect(ScopeDigest(count: incremental.count, hashText: incremental.hashText) == incremental)
        #expect(ScopeDigest(count: 1, hashText: "xyz") == nil)
    }

    @Test func mutationsAndResultsRoundTripThroughJSON() throws {
        let lead = LeadID()
        let mutations = [
            Mutation(clientID: "c", mutationID: 1, leadID: lead, intent: .accept),
            Mutation(clientID: "c", mutationID: 2, leadID: lead, intent: .rejecting(.other, note: "moved")),
            Mutation(
                clientID: "c", mutationID: 3, leadID: lead,
                intent: .reject(reason: "bad_timing", note: nil, reentryDate: Date(timeIntervalSince1970: 1e9))),
            Mutation(clientID: "c", mutationID: 4, leadID: lead, intent: .addNote(text: "call back")),
            Mutation(clientID: "c", mutationID: 5, leadID: lead, intent: .correctContact(.init(phone: "+1 555"))),
            Mutation(clientID: "c", mutationID: 6, leadID: lead, intent: .convert),
        ]
        let request = PushRequest(clientID: "c", mutations: mutations)
        #expect(try JSONDecoder().decode(PushRequest.self, from: JSONEncoder().encode(request)) == request)
        let results = [
            PushResult(mutationID: 1, outcome: .applied), PushResult(mutationID: 2, outcome: .duplicate),
            PushResult(mutationID: 3, outcome: .rejected(.notAssigned)),
        ]
        #expect(try JSONDecoder().decode([PushResult].self, from: JSONEncoder().encode(results)) == results)
        #expect(!PushOutcome.rejected(.gap).isFinal)
        #expect(PushOutcome.rejected(.conflict).isFinal)
    }

    @Test func syncErrorsHaveStableMachineCodes() {
        let errors: [SyncError] = [
            .resyncRequired, .unsupportedProtocolVersion(9), .unauthorized, .forbidden, .repDeactivated,
            .invalidRequest("x"),
        ]
        #expect(errors.map(\.code) == SyncError.allCodes)
        #expect(MutationRejectionCode.notAssigned.rawValue == "not_assigned")
        #expect(
            RemovalReason.allCases.map(\.rawValue) == [
                "reassigned", "recycled", "disqualified", "converted", "deleted",
            ])
    }
}
