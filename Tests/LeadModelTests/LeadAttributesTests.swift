import Foundation
import LeadModel
import Testing

@Suite("Lead attributes over shared key tables")
struct LeadAttributesTests {
    static let table = AttributeKeyTable(["lead_origin", "total_visits", "search", "first_visit"])

    static func sample() -> LeadAttributes {
        var attributes = LeadAttributes(keyTable: table)
        attributes["lead_origin"] = .text("API")
        attributes["total_visits"] = .number(5)
        attributes["first_visit"] = .date(Date(timeIntervalSince1970: 1_700_000_000.5))
        return attributes
    }

    @Test func lookupBySlotAndByNameAgree() {
        let attributes = Self.sample()
        #expect(attributes.count == 3)
        #expect(!attributes.isEmpty)
        #expect(attributes["lead_origin"] == .text("API"))
        #expect(attributes["total_visits"] == .number(5))
        #expect(attributes["search"] == nil)
        #expect(attributes["not_in_the_table"] == nil)
        #expect(Self.table.slot(of: "total_visits") == 1)
        #expect(attributes[slot: 1] == .number(5))
        #expect(attributes[slot: 2] == nil)
        #expect(attributes.keys == ["lead_origin", "total_visits", "first_visit"])
        #expect(attributes.values == [.text("API"), .number(5), .date(Date(timeIntervalSince1970: 1_700_000_000.5))])
        #expect(Array(attributes).map(\.key) == ["lead_origin", "total_visits", "first_visit"])
    }

    @Test func settingANameOfTheTableKeepsTheSharedTable() {
        var attributes = Self.sample()
        attributes["search"] = .bool(false)
        attributes["lead_origin"] = nil
        #expect(attributes.keyTable === Self.table)
        #expect(attributes.count == 3)
        #expect(attributes["search"] == .bool(false))
        #expect(attributes["lead_origin"] == nil)
        // Setting nil on an absent name, or the same value twice, changes nothing.
        attributes["lead_origin"] = nil
        attributes["search"] = .bool(false)
        #expect(attributes.count == 3)
        // Another lead over the same table is untouched.
        #expect(Self.sample()["lead_origin"] == .text("API"))
    }

    @Test func settingANewNameMovesOnlyThisValueToAWiderTable() {
        let shared = Self.sample()
        var attributes = shared
        attributes["city_tier"] = .text("Tier II")
        #expect(attributes.keyTable !== Self.table)
        #expect(attributes.keyTable.names == Self.table.names + ["city_tier"])
        #expect(attributes.count == 4)
        #expect(attributes["city_tier"] == .text("Tier II"))
        #expect(attributes["total_visits"] == .number(5))
        #expect(shared.keyTable === Self.table)
        #expect(shared["city_tier"] == nil)
        // Removing a name the table lacks does not widen it.
        var unchanged = shared
        unchanged["nowhere"] = nil
        #expect(unchanged.keyTable === Self.table)
    }

    @Test func equalityAndHashingAreByContentWhateverTheKeyTable() {
        let shared = Self.sample()
        let literal: LeadAttributes = [
            "first_visit": .date(Date(timeIntervalSince1970: 1_700_000_000.5)), "total_visits": .number(5),
            "lead_origin": .text("API"),
        ]
        let fromDictionary = LeadAttributes(shared.dictionary)
        #expect(literal.keyTable !== shared.keyTable)
        #expect(literal == shared)
        #expect(fromDictionary == shared)
        #expect(Set([shared, literal, fromDictionary]).count == 1)
        #expect(literal.hashValue == shared.hashValue)
        var other = shared
        other["total_visits"] = .number(6)
        #expect(other != shared)
        var more = literal
        more["search"] = .bool(true)
        #expect(more != shared)
        #expect(LeadAttributes() == [:])
        #expect(LeadAttributes(keyTable: Self.table) == LeadAttributes())
    }

    @Test func mergingKeepsTheChosenValueAndAddsTheRest() {
        let stored: LeadAttributes = ["a": .text("1")]
        let incoming: LeadAttributes = ["a": .text("2"), "b": .number(3)]
        #expect(stored.merging(incoming) { kept, _ in kept } == ["a": .text("1"), "b": .number(3)])
        #expect(stored.merging(incoming) { _, new in new } == ["a": .text("2"), "b": .number(3)])
    }

    @Test func codableFormIsTheDictionarysJSONObject() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let attributes = Self.sample()
        let data = try encoder.encode(attributes)
        #expect(data == (try encoder.encode(attributes.dictionary)))
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"first_visit":{"date":1700000000.5},"lead_origin":{"text":"API"},"total_visits":{"number":5}}"#)
        let decoded = try JSONDecoder().decode(LeadAttributes.self, from: data)
        #expect(decoded == attributes)
        // Inside a lead too: the lead's JSON is what it was with a dictionary.
        let lead = Lead(
            id: LeadID(uuidString: "7927b2df-8bba-4d29-b9a2-b6e0beafe620")!, attributes: attributes,
            postContactAttributes: ["tags": .text("Will revert")])
        let leadJSON = try encoder.encode(lead)
        let object = try JSONSerialization.jsonObject(with: leadJSON) as? [String: Any]
        #expect(
            object?["attributes"] as? NSDictionary == (try JSONSerialization.jsonObject(with: data) as? NSDictionary))
        #expect(try JSONDecoder().decode(Lead.self, from: leadJSON) == lead)
    }

    @Test func descriptionPrintsLikeADictionary() {
        let attributes: LeadAttributes = ["b": .number(2), "a": .text("x")]
        #expect(attributes.description == #"["a": x, "b": 2]"#)
        #expect(LeadAttributes().description == "[:]")
    }
}
