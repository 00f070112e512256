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

    @Test func typedIdentifierTextIsFoundationsLowercasedUUIDStringAndParsesWhatFoundationParses() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let uuid = UUID()
            let id = LeadID(rawValue: uuid)
            #expect(id.description == uuid.uuidString.lowercased())
            #expect(LeadID(uuidString: uuid.uuidString)?.rawValue == uuid)
            #expect(LeadID(uuidString: id.description)?.rawValue == uuid)
            // One character changed: parsed exactly when Foundation parses it.
            var characters = Array(uuid.uuidString)
            let position = Int.random(in: 0..<characters.count, using: &generator)
            characters[position] = ["g", "-", "0", "F", " ", "{"].randomElement(using: &generator)!
            let text = String(characters)
            #expect(LeadID(uuidString: text)?.rawValue == UUID(uuidString: text), "\(text)")
        }
        for text in [
            "", "L-001", "7927b2df-8bba-4d29-b9a2-b6e0beafe62", "7927b2df-8bba-4d29-b9a2-b6e0beafe6200",
            "7927b2df8bba4d29b9a2b6e0beafe620", "{7927b2df-8bba-4d29-b9a2-b6e0beafe620}",
            " 7927b2df-8bba-4d29-b9a2-b6e0beafe620", "7927b2df-8bba-4d29-b9a2-b6e0beafe62é",
            "7927B2DF-8bba-4D29-b9a2-B6E0beafe620", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
        ] {
            #expect(LeadID(uuidString: text)?.rawValue == UUID(uuidString: text), "\(text)")
        }
        #expect(
            LeadID(uuidString: "ffffffff-ffff-ffff-ffff-ffffffffffff")?.description
                == "ffffffff-ffff-ffff-ffff-ffffffffffff")
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
