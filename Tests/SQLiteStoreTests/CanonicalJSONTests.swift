import Foundation
import LeadModel
import StoreContract
import Testing

@testable import SQLiteStore

@Suite("Canonical JSON of attributes")
struct CanonicalJSONTests {
    static let samples: [[String: AttributeValue]] = [
        [:],
        ["a": .text("plain")],
        ["quote": .text("say \"hi\" \\ back\n\ttab\r\u{1}"), "ünïcode ключ": .text("日本語 ✓")],
        ["n1": .number(0.1), "n2": .number(-0.0), "n3": .number(1e300), "n4": .number(-42), "n5": .number(1e15)],
        ["yes": .bool(true), "no": .bool(false)],
        [
            "when": .date(Date(timeIntervalSince1970: 1_700_000_000.123)),
            "epoch": .date(Date(timeIntervalSince1970: 0)),
        ],
    ]

    @Test(arguments: samples)
    func attributesRoundTripThroughTheFastReaderAndJSONDecoder(_ attributes: [String: AttributeValue]) throws {
        let text = try CanonicalJSON.encode(LeadAttributes(attributes))
        #expect(try CanonicalJSON.decodeAttributes(text) == LeadAttributes(attributes))
        #expect(try JSONDecoder().decode([String: AttributeValue].self, from: Data(text.utf8)) == attributes)
    }

    @Test func keysAreSortedSoEqualDictionariesGiveEqualText() throws {
        let text = try CanonicalJSON.encode(["b": .number(2), "a": .bool(true), "c": .text("x")])
        #expect(text == #"{"a":{"bool":true},"b":{"number":2},"c":{"text":"x"}}"#)
    }

    @Test func documentsWrittenByHandAreReadThroughTheFallback() throws {
        let text = #" { "a" : { "text" : "x\u0041" }, "b": {"number": 1.5} } "#
        #expect(try CanonicalJSON.decodeAttributes(text) == ["a": .text("xA"), "b": .number(1.5)])
        #expect(throws: (any Error).self) { try CanonicalJSON.decodeAttributes(#"{"a": 1}"#) }
    }

    @Test func nonFiniteNumbersAreRefused() {
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(["x": .number(.nan)]) }
    }
}
