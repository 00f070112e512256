import Foundation
import LeadModel
import LeadScoring
import Testing

/// The compiled scorer (`LeadScorer.score`) against the straightforward rule-by-rule reading
/// (`scoreRuleByRule`, `FitRule.holds`), on models that use every predicate kind, many values per
/// subject (the dictionary path) and more than 64 rules (several bit-set words).
@Suite struct CompiledScoringTests {
    static let cities = ["Mumbai", "Pune", "Delhi", "Chennai", "Kolkata", "Thane", "", "MUMBAI", "Nagpur"]

    static func leads(count: Int, seed: UInt64) -> [Lead] {
        var generator = SplitMix64(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[generator.next(below: values.count)] }
        return (0..<count).map { index in
            var attributes: LeadAttributes = [:]
            if generator.next(below: 5) > 0 { attributes["minutes"] = .number(Double(generator.next(below: 40)) * 5) }
            if generator.next(below: 4) > 0 {
                attributes["origin"] = .text(pick(["API", "Lead Add Form", "lead add form", ""]))
            }
            if generator.next(below: 3) > 0 { attributes["ebook"] = .bool(generator.next(below: 2) == 0) }
            if generator.next(below: 3) > 0 {
                attributes["first_contact"] = .date(
                    Date(timeIntervalSince1970: Double(generator.next(below: 400)) * 86_400))
            }
            attributes["level"] = .text("L\(generator.next(below: 30))")
            return Lead(
                id: LeadID(rawValue: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index))!),
                email: generator.next(below: 4) == 0
                    ? nil : EmailAddress(pick(["a@Example.com", "b@gmail.com", "bad"])),
                title: pick([nil, "Head of Data", "data engineer", "CEO"]), country: pick([nil, "India", "Nepal"]),
                city: pick(cities), source: pick([nil, "google", "reference", "Olark Chat"]),
                doNotEmail: generator.next(below: 6) == 0, doNotCall: generator.next(below: 8) == 0,
                attributes: attributes, postContactAttributes: ["tags": .text("Closed")])
        }
    }

    static func model() -> ScoringModel {
        var rules: [FitRule] = [
            Fixture.rule("origin-form", .attribute("origin"), .equals(.text("Lead Add Form")), points: 30),
            Fixture.rule(
                "origin-form-any-case", .attribute("origin"), .equals(.text("LEAD ADD FORM")), points: 2,
                ignoreCase: true),
            Fixture.rule("origin-missing", .attribute("origin"), .isMissing, points: -10),
            Fixture.rule("minutes-high", .attribute("minutes"), .range(NumericRange(min: 100)), points: 15.5),
            Fixture.rule("minutes-mid", .attribute("minutes"), .range(NumericRange(min: 50, max: 100)), points: 7.25),
            Fixture.rule(
                "minutes-exact", .attribute("minutes"), .oneOf([.number(0), .number(25), .number(25)]), points: -3),
            Fixture.rule("minutes-text", .attribute("minutes"), .equals(.text("25")), points: 99),
            Fixture.rule("ebook-yes", .attribute("ebook"), .equals(.bool(true)), points: 5),
            Fixture.rule("ebook-no", .attribute("ebook"), .equals(.bool(false)), points: -5),
            Fixture.rule("ebook-given", .attribute("ebook"), .exists, points: 1),
            Fixture.rule("contact-given", .attribute("first_contact"), .exists, points: 4),
            Fixture.rule(
                "contact-month", .attribute("first_contact.month"), .oneOf([.text("1970-02"), .text("1970-12")]),
                points: 6),
            Fixture.rule("contact-weekday", .attribute("first_contact.weekday"), .equals(.text("monday")), points: 3),
            Fixture.rule("title-data", .field(.title), .contains("Data"), points: 10),
            Fixture.rule("title-data-any-case", .field(.title), .contains("DATA"), points: 1, ignoreCase: true),
            Fixture.rule("city-mumbai", .field(.city), .equals(.text("Mumbai")), points: 10),
            Fixture.rule(
                "city-mumbai-any-case", .field(.city), .oneOf([.text("mumbai"), .text("pune")]), points: 10,
                ignoreCase: true),
            Fixture.rule("city-missing", .field(.city), .isMissing, points: -2),
            Fixture.rule("country-india", .field(.country), .equals(.text("India")), points: 8),
            Fixture.rule("source-zero", .field(.source), .exists, points: 0),
            Fixture.rule("domain", .field(.emailDomain), .equals(.text("example.com")), points: 12),
            Fixture.rule("valid-email", .field(.emailValid), .equals(.bool(true)), points: 3),
            Fixture.rule("dne", .field(.doNotEmail), .equals(.bool(true)), points: -20),
            Fixture.rule("tags-never", .attribute("tags"), .exists, points: 50),
        ]
        // 30 levels of one subject: more texts than the linear scan takes, so the dictionary path.
        for level in 0..<30 where level % 3 != 0 {
            rules.append(
                Fixture.rule(
                    "level-\(level)", .attribute("level"), .equals(.text("L\(level)")), points: Double(level % 7) - 3))
        }
        rules.append(
            Fixture.rule("level-set", .attribute("level"), .oneOf((0..<10).map { .text("L\($0)") }), points: 4))
        for index in 0..<30 {  // past 64 rules in all
            rules.append(
                Fixture.rule(
                    "visits-\(index)", .attribute("minutes"), .range(NumericRange(min: Double(index) * 6)), points: 1))
        }
        return Fixture.model(
            fit: rules,
            engagement: [
                EngagementRule(
                    id: "pv", label: "Viewed pages", eventType: "page_view", points: 4, cap: 10, halfLifeDays: 7)
            ],
            totalCap: 120,
            qualification: QualificationDefinition(threshold: 30, requires: [.notDoNotEmail], minimumGrade: .c))
    }

    @Test func compiledScoresEqualRuleByRuleScores() throws {
        let model = Self.model()
        #expect(model.fitRules.count > 64)
        let scorer = try LeadScorer(model: model)
        let leads = Self.leads(count: 2_000, seed: 11)
        var qualified = 0
        for lead in leads {
            let compiled = scorer.score(lead, now: Fixture.now)
            #expect(compiled == scorer.scoreRuleByRule(lead, now: Fixture.now))
            #expect(scorer.fitPoints(of: lead) == compiled.fit)
            let holding = model.fitRules.filter { $0.holds(for: lead) && $0.points != 0 }.map(\.id)
            #expect(Set(compiled.contributions.map(\.ruleID)) == Set(holding))
            if compiled.qualified { qualified += 1 }
        }
        #expect(qualified > 100 && qualified < 1_900, "both outcomes occur: \(qualified) qualified")
    }

    @Test func compiledScoresEqualRuleByRuleScoresWithEvents() throws {
        let scorer = try LeadScorer(model: Self.model())
        for (index, lead) in Self.leads(count: 200, seed: 12).enumerated() {
            let events = (0..<(index % 4)).map { day in
                EngagementEvent(leadID: lead.id, type: "page_view", occurredAt: Fixture.daysAgo(Double(day * 5)))
            }
            let compiled = scorer.score(lead, events: events, now: Fixture.now)
            #expect(compiled == scorer.scoreRuleByRule(lead, events: events, now: Fixture.now))
        }
    }

    @Test func batchScoresEqualSingleScoresAcrossKeyTables() throws {
        let scorer = try LeadScorer(model: Self.model())
        let leads = Self.leads(count: 2_000, seed: 13)
        // One key table for all, as an import gives; `tags` (read by a rule) is not in it.
        let shared = AttributeKeyTable(["level", "origin", "minutes", "ebook", "first_contact"])
        let sharing = leads.map { lead in
            var copy = lead
            var attributes = LeadAttributes(keyTable: shared)
            for (name, value) in lead.attributes { attributes[name] = value }
            copy.attributes = attributes
            return copy
        }
        #expect(sharing.allSatisfy { $0.attributes.keyTable === shared })
        let single = leads.map { scorer.score($0, now: Fixture.now) }
        #expect(scorer.score(sharing, now: Fixture.now) == single)
        #expect(scorer.score(leads, now: Fixture.now) == single)  // a key table per lead
        var events: [LeadID: [EngagementEvent]] = [:]
        for (index, lead) in leads.prefix(300).enumerated() {
            events[lead.id] = (0..<(index % 4)).map { day in
                EngagementEvent(leadID: lead.id, type: "page_view", occurredAt: Fixture.daysAgo(Double(day * 5)))
            }
        }
        let withEvents = leads.map { scorer.score($0, events: events[$0.id] ?? [], now: Fixture.now) }
        #expect(withEvents.contains { $0.engagement > 0 })
        #expect(scorer.score(sharing, events: events, now: Fixture.now) == withEvents)
        #expect(scorer.score([], now: Fixture.now).isEmpty)
    }

    @Test func ruleHoldsReadsOneRuleTheStraightforwardWay() {
        let lead = Lead(
            title: "Head of Data", city: "Mumbai",
            attributes: ["minutes": .number(60), "origin": .text("Lead Add Form"), "blank": .text("")])
        #expect(
            Fixture.rule("r", .attribute("minutes"), .range(NumericRange(min: 50, max: 60)), points: 1).holds(for: lead)
                == false)
        #expect(Fixture.rule("r", .attribute("minutes"), .range(NumericRange(min: 60)), points: 1).holds(for: lead))
        #expect(
            Fixture.rule("r", .attribute("origin"), .equals(.text("lead add form")), points: 1).holds(for: lead)
                == false)
        #expect(
            Fixture.rule("r", .attribute("origin"), .equals(.text("lead add form")), points: 1, ignoreCase: true).holds(
                for: lead))
        #expect(Fixture.rule("r", .attribute("blank"), .isMissing, points: 1).holds(for: lead))
        #expect(Fixture.rule("r", .field(.title), .contains("data"), points: 1).holds(for: lead) == false)
        #expect(Fixture.rule("r", .field(.title), .contains("data"), points: 1, ignoreCase: true).holds(for: lead))
    }
}
