import Foundation
import LeadModel
import LeadScoring
import Testing

@Suite struct ScoringModelDocumentTests {
    @Test(arguments: ["x-education", "olist"])
    func shippedModelDecodesAndValidates(name: String) throws {
        let model = try Fixture.shippedModel(name)
        try model.validate()
        #expect(model.version == 1)
        #expect(!model.fitRules.isEmpty)
        _ = try LeadScorer(model: model)
    }

    @Test func shippedXEducationModelReadsTheMappingsNames() throws {
        let model = try Fixture.shippedModel("x-education")
        let attributes = Set(
            model.fitRules.compactMap { rule -> String? in
                if case .attribute(let name) = rule.subject { return name }
                return nil
            })
        #expect(
            attributes.isSubset(of: [
                "lead_origin", "total_visits", "total_time_spent_on_website", "page_views_per_visit", "last_activity",
                "specialization", "what_is_your_current_occupation", "a_free_copy_of_mastering_the_interview",
            ]))
        #expect(!attributes.contains("tags") && !attributes.contains("lead_quality"))
        let lead = Lead(
            source: "reference",
            attributes: [
                "lead_origin": .text("Lead Add Form"), "total_time_spent_on_website": .number(1200),
                "what_is_your_current_occupation": .text("Working Professional"),
            ])
        let score = try LeadScorer(model: model).score(lead, now: Fixture.now)
        // lead add form 30 + referred 25 + 15 minutes or more 30 + working professional 30
        #expect(score.fit == 115)
        #expect(score.grade == .a)
        #expect(score.qualified)
    }

    @Test func modelRoundTripsThroughJSON() throws {
        let model = try Fixture.shippedModel("x-education")
        let encoded = try JSONEncoder().encode(model)
        let decoded = try JSONDecoder().decode(ScoringModel.self, from: encoded)
        #expect(decoded == model)
    }

    @Test func unknownKeyIsNamedWithItsPath() throws {
        let json = """
            {"version": 1, "name": "m", "gradeBands": {"a": 3, "b": 2, "c": 1},
             "qualification": {"threshold": 1},
             "fitRules": [{"id": "r", "label": "l", "attribute": "x", "exists": true, "points": 1},
                          {"id": "s", "label": "l", "attribute": "x", "exists": true, "pionts": 1}]}
            """
        let error = #expect(throws: ScoringModelError.self) { try Fixture.decode(json) }
        #expect(error?.keyPath == "fitRules[1].pionts")
        #expect(error?.reason == .unknownKey("pionts"))
    }

    @Test func unknownTopLevelKeyIsRefused() throws {
        let json = """
            {"version": 1, "name": "m", "gradeBands": {"a": 3, "b": 2, "c": 1},
             "qualification": {"threshold": 1}, "treshold": 4}
            """
        let error = #expect(throws: ScoringModelError.self) { try Fixture.decode(json) }
        #expect(error?.keyPath == "treshold")
    }

    @Test func conflictingPredicatesAreNamed() throws {
        let json = """
            {"version": 1, "name": "m", "gradeBands": {"a": 3, "b": 2, "c": 1},
             "qualification": {"threshold": 1},
             "fitRules": [{"id": "r", "label": "l", "attribute": "x", "equals": "a", "in": ["b"], "points": 1}]}
            """
        let error = #expect(throws: ScoringModelError.self) { try Fixture.decode(json) }
        #expect(error == ScoringModelError(keyPath: "fitRules[0]", reason: .conflictingPredicates(["equals", "in"])))
    }

    @Test func missingPredicateUnknownFieldAndFalseExistsAreRefused() throws {
        func decodeRule(_ rule: String) throws {
            _ = try Fixture.decode(
                """
                {"version": 1, "name": "m", "gradeBands": {"a": 3, "b": 2, "c": 1},
                 "qualification": {"threshold": 1}, "fitRules": [\(rule)]}
                """)
        }
        let none = #expect(throws: ScoringModelError.self) {
            try decodeRule(#"{"id": "r", "label": "l", "attribute": "x", "points": 1}"#)
        }
        #expect(none?.reason == .predicateRequired)
        let field = #expect(throws: ScoringModelError.self) {
            try decodeRule(#"{"id": "r", "label": "l", "field": "budget", "exists": true, "points": 1}"#)
        }
        #expect(field?.keyPath == "fitRules[0].field")
        #expect(field?.reason == .unknownField("budget"))
        let both = #expect(throws: ScoringModelError.self) {
            try decodeRule(
                #"{"id": "r", "label": "l", "field": "city", "attribute": "x", "exists": true, "points": 1}"#)
        }
        #expect(both?.reason == .subjectRequired)
        let falseExists = #expect(throws: ScoringModelError.self) {
            try decodeRule(#"{"id": "r", "label": "l", "attribute": "x", "exists": false, "points": 1}"#)
        }
        #expect(falseExists?.keyPath == "fitRules[0].exists")
    }

    @Test func wrongTypeIsRenderedWithItsKeyPath() throws {
        let json = """
            {"version": 1, "name": "m", "gradeBands": {"a": 3, "b": 2, "c": 1},
             "qualification": {"threshold": 1},
             "fitRules": [{"id": "r", "label": "l", "attribute": "x", "exists": true, "points": "ten"}]}
            """
        do {
            _ = try Fixture.decode(json)
            Issue.record("decoding should fail")
        } catch {
            let described = try #require(ScoringModelError(error))
            #expect(described.keyPath == "fitRules[0].points")
        }
    }

    @Test func missingRequiredKeyIsRenderedWithItsKeyPath() throws {
        let json = """
            {"version": 1, "name": "m", "gradeBands": {"a": 3, "b": 2, "c": 1}, "qualification": {"threshold": 1},
             "engagementRules": [{"id": "e", "label": "l", "points": 1}]}
            """
        do {
            _ = try Fixture.decode(json)
            Issue.record("decoding should fail")
        } catch {
            let described = try #require(ScoringModelError(error))
            #expect(described.keyPath == "engagementRules[0].eventType")
            #expect(described.description == "engagementRules[0].eventType: required key 'eventType' is missing")
        }
    }

    @Test func ruleValuesDecodeAsBareScalars() throws {
        let values = try JSONDecoder().decode([RuleValue].self, from: Data(#"[true, 3, 2.5, "India"]"#.utf8))
        #expect(values == [.bool(true), .number(3), .number(2.5), .text("India")])
    }
}
