import Foundation
import LeadModel
import StoreContract
import Testing

@testable import SQLiteStore

@Suite("Canonical JSON of score contributions")
struct CanonicalContributionsTests {
    @Test func contributionsRoundTripThroughJSONDecoder() throws {
        let contributions = [
            ScoreContribution(ruleID: "time-on-site-none", label: "Spent under a minute", points: -10, kind: .fit),
            ScoreContribution(ruleID: "webinar", label: "Said \"hi\" \\ back\n\t✓", points: 7.5, kind: .engagement),
            ScoreContribution(ruleID: "tiny", label: "", points: 1e-7, kind: .fit),
        ]
        let text = try CanonicalJSON.encode(contributions)
        #expect(try JSONDecoder().decode([ScoreContribution].self, from: Data(text.utf8)) == contributions)
        #expect(try CanonicalJSON.encode([] as [ScoreContribution]) == "[]")
        #expect(
            text.hasPrefix(#"[{"kind":"fit","label":"Spent under a minute","points":-10,"ruleID":"time-on-site-none"}"#)
        )
    }

    @Test func aNonFiniteNumberOfPointsIsRefused() {
        #expect(throws: EncodingError.self) {
            try CanonicalJSON.encode([ScoreContribution(ruleID: "x", label: "x", points: .nan, kind: .fit)])
        }
    }
}
