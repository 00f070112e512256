import Foundation
import LeadModel
import Testing

@Suite struct CodableTests {
    @Test func typedIdentifierEncodesAsLowercaseUUIDString() throws {
        let id = LeadID(uuidString: "7927B2DF-8BBA-4D29-B9A2-B6E0BEAFE620")!
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == #"["7927b2df-8bba-4d29-b9a2-b6e0beafe620"]"#)
        #expect(try JSONDecoder().decode([LeadID].self, from: data) == [id])
    }

    @Test func typedIdentifierRejectsNonUUID() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RepID].self, from: Data(#"["L-001"]"#.utf8))
        }
    }

    @Test func attributeValuesRoundTrip() throws {
        let values: [String: AttributeValue] = [
            "t": .text("Google"), "n": .number(674), "b": .bool(true), "d": .date(Date(timeIntervalSince1970: 86_400)),
        ]
        let decoded = try JSONDecoder().decode(
            [String: AttributeValue].self, from: try JSONEncoder().encode(values))
        #expect(decoded == values)
    }

    @Test func attributeValueDescriptionsReadNaturally() {
        #expect(AttributeValue.number(674).description == "674")
        #expect(AttributeValue.number(2.5).description == "2.5")
        #expect(AttributeValue.bool(false).description == "no")
        #expect(AttributeValue.date(Date(timeIntervalSince1970: 0)).description == "1970-01-01T00:00:00Z")
    }

    @Test func gradeAIsBest() {
        #expect(Grade.a > Grade.b)
        #expect(Grade.d < Grade.c)
        #expect(Grade.allCases.max() == .a)
    }
}
