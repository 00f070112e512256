import Foundation
import LeadModel
import LeadScoring
import Testing

@Suite struct LeadScorerTests {
    let lead = Lead(email: EmailAddress("ana@example.com"), country: "India", city: "Mumbai")

    private func event(_ type: String, daysAgo: Double, value: Double? = nil, key: String? = nil, for lead: Lead)
        -> EngagementEvent
    {
        EngagementEvent(leadID: lead.id, type: type, occurredAt: Fixture.daysAgo(daysAgo), value: value, dedupeKey: key)
    }

    @Test func fourteenDayOldEventAtHalfLifeSevenCountsAQuarter() throws {
        let rule = EngagementRule(id: "pv", label: "Viewed pages", eventType: "page_view", points: 20, halfLifeDays: 7)
        let scorer = try LeadScorer(model: Fixture.model(engagement: [rule], qualification: .init(threshold: 1)))
        let score = scorer.score(lead, events: [event("page_view", daysAgo: 14, for: lead)], now: Fixture.now)
        #expect(score.engagement == 5)
        let week = scorer.score(lead, events: [event("page_view", daysAgo: 7, for: lead)], now: Fixture.now)
        #expect(week.engagement == 10)
        let fresh = scorer.score(lead, events: [event("page_view", daysAgo: 0, for: lead)], now: Fixture.now)
        #expect(fresh.engagement == 20)
    }

    @Test func futureEventsCountAtFullWeightAndOldOnesCanBeIgnored() throws {
        let rule = EngagementRule(
            id: "pv", label: "Viewed pages", eventType: "page_view", maxAgeDays: 30, points: 8, halfLifeDays: 7)
        let scorer = try LeadScorer(model: Fixture.model(engagement: [rule], qualification: .init(threshold: 1)))
        let future = scorer.score(lead, events: [event("page_view", daysAgo: -2, for: lead)], now: Fixture.now)
        #expect(future.engagement == 8)
        let old = scorer.score(lead, events: [event("page_view", daysAgo: 31, for: lead)], now: Fixture.now)
        #expect(old.engagement == 0)
        #expect(old.contributions.isEmpty)
    }

    @Test func valueConditionsFilterEvents() throws {
        let rule = EngagementRule(
            id: "long", label: "Long visit", eventType: "page_view", minValue: 30, maxValue: 600, points: 10)
        let scorer = try LeadScorer(model: Fixture.model(engagement: [rule], qualification: .init(threshold: 1)))
        let events = [
            event("page_view", daysAgo: 1, value: 29, for: lead), event("page_view", daysAgo: 2, value: 30, for: lead),
            event("page_view", daysAgo: 3, value: 600, for: lead), event("page_view", daysAgo: 4, for: lead),
            event("form_submit", daysAgo: 1, value: 100, for: lead),
        ]
        #expect(scorer.score(lead, events: events, now: Fixture.now).engagement == 10)
    }

    @Test func perRuleCapLimitsARule() throws {
        let rules = [
            EngagementRule(id: "pv", label: "Viewed pages", eventType: "page_view", points: 4, cap: 10),
            EngagementRule(id: "unsub", label: "Unsubscribed", eventType: "unsubscribe", points: -30, cap: 20),
        ]
        let scorer = try LeadScorer(model: Fixture.model(engagement: rules, qualification: .init(threshold: 1)))
        let events = (1...5).map { event("page_view", daysAgo: Double($0), for: lead) }
        #expect(scorer.score(lead, events: events, now: Fixture.now).engagement == 10)
        let unsubscribed = scorer.score(
            lead, events: events + [event("unsubscribe", daysAgo: 1, for: lead)], now: Fixture.now)
        #expect(unsubscribed.engagement == 10 - 20)
        #expect(unsubscribed.contributions.map(\.points) == [-20, 10])
    }

    @Test func overallCapLimitsTheTotalButNotFit() throws {
        let model = Fixture.model(
            fit: [
                Fixture.rule("country", .field(.country), .equals(.text("India")), points: 70),
                Fixture.rule("city", .field(.city), .exists, points: 50),
            ],
            engagement: [EngagementRule(id: "pv", label: "Viewed pages", eventType: "page_view", points: 30)],
            totalCap: 100)
        let score = try LeadScorer(model: model).score(
            lead, events: [event("page_view", daysAgo: 0, for: lead)], now: Fixture.now)
        #expect(score.fit == 120)
        #expect(score.engagement == 30)
        #expect(score.total == 100)
    }

    @Test func negativePointsLowerTheScore() throws {
        let model = Fixture.model(fit: [
            Fixture.rule("india", .field(.country), .equals(.text("India")), points: 45),
            Fixture.rule("no-company", .field(.company), .isMissing, points: -15),
        ])
        let score = try LeadScorer(model: model).score(lead, now: Fixture.now)
        #expect(score.fit == 30)
        #expect(score.total == 30)
        #expect(!score.qualified)  // threshold 40
    }

    @Test(arguments: [(55.0, Grade.a), (50, .a), (49, .b), (30, .b), (29.5, .c), (10, .c), (9, .d), (-20, .d)])
    func gradeBands(fit: Double, grade: Grade) throws {
        let model = Fixture.model(
            fit: [Fixture.rule("country", .field(.country), .exists, points: fit)],
            qualification: .init(threshold: -100))
        let score = try LeadScorer(model: model).score(lead, now: Fixture.now)
        #expect(score.grade == grade)
        #expect(GradeBands(a: 50, b: 30, c: 10).grade(forFit: fit) == grade)
    }

    @Test func qualificationNeedsTheThreshold() throws {
        let model = Fixture.model(fit: [Fixture.rule("country", .field(.country), .exists, points: 40)])
        #expect(try LeadScorer(model: model).score(lead, now: Fixture.now).qualified)
        let higher = Fixture.model(
            fit: [
                Fixture.rule("country", .field(.country), .exists, points: 40),
                Fixture.rule("company", .field(.company), .exists, points: 10),  // keeps 40.5 reachable
            ],
            qualification: .init(threshold: 40.5))
        #expect(try !LeadScorer(model: higher).score(lead, now: Fixture.now).qualified)
    }

    @Test(arguments: [
        (QualificationCriterion.validEmail, Lead(email: EmailAddress("ana@example.com"), country: "India"), true),
        (.validEmail, Lead(email: EmailAddress("ana@example"), country: "India"), false),
        (.validEmail, Lead(country: "India"), false),
        (.notDoNotEmail, Lead(country: "India", doNotEmail: true), false),
        (.notDoNotEmail, Lead(country: "India", doNotCall: true), true),
        (.notDoNotCall, Lead(country: "India", doNotCall: true), false),
        (.notDoNotContact, Lead(country: "India", doNotEmail: true), true),
        (.notDoNotContact, Lead(country: "India", doNotEmail: true, doNotCall: true), false),
    ])
    func requiredCriterion(criterion: QualificationCriterion, lead: Lead, qualifies: Bool) throws {
        let model = Fixture.model(
            fit: [Fixture.rule("country", .field(.country), .exists, points: 60)],
            qualification: .init(threshold: 40, requires: [criterion]))
        let score = try LeadScorer(model: model).score(lead, now: Fixture.now)
        #expect(score.total == 60)
        #expect(score.qualified == qualifies)
    }

    @Test func minimumGradeIsRequired() throws {
        let fit = Fixture.rule("country", .field(.country), .exists, points: 25)
        let company = Fixture.rule("company", .field(.company), .exists, points: 10)  // keeps grade B reachable
        let engagement = EngagementRule(id: "pv", label: "Viewed pages", eventType: "page_view", points: 30)
        let events = [event("page_view", daysAgo: 0, for: lead)]
        let gradeC = Fixture.model(
            fit: [fit], engagement: [engagement], qualification: .init(threshold: 40, minimumGrade: .c))
        let score = try LeadScorer(model: gradeC).score(lead, events: events, now: Fixture.now)
        #expect(score.grade == .c)
        #expect(score.qualified)
        let gradeB = Fixture.model(
            fit: [fit, company], engagement: [engagement], qualification: .init(threshold: 40, minimumGrade: .b))
        #expect(try !LeadScorer(model: gradeB).score(lead, events: events, now: Fixture.now).qualified)
    }

    @Test func sameEventTwiceCountsOnceAndOrderDoesNotMatter() throws {
        let rules = [
            EngagementRule(id: "pv", label: "Viewed pages", eventType: "page_view", points: 10, halfLifeDays: 7),
            EngagementRule(
                id: "form", label: "Submitted a form", eventType: "form_submit", points: 15, halfLifeDays: 30),
        ]
        let model = Fixture.model(fit: [Fixture.rule("city", .field(.city), .exists, points: 12)], engagement: rules)
        let scorer = try LeadScorer(model: model)
        let first = event("page_view", daysAgo: 3, value: 12, for: lead)
        let redelivered = EngagementEvent(
            leadID: lead.id, type: first.type, occurredAt: first.occurredAt, value: first.value)
        #expect(redelivered.dedupeKey == first.dedupeKey)
        let form = event("form_submit", daysAgo: 10, key: "crm-42", for: lead)
        let formAgain = event("form_submit", daysAgo: 10, key: "crm-42", for: lead)
        let once = scorer.score(lead, events: [first, form], now: Fixture.now)
        let twice = scorer.score(lead, events: [form, first, redelivered, formAgain], now: Fixture.now)
        #expect(once == twice)
        #expect(once.engagement == 10 * exp2(-3.0 / 7) + 15 * exp2(-10.0 / 30))
        #expect(scorer.score(lead, events: [first, form], now: Fixture.now) == once)  // idempotent
        let otherLead = event("page_view", daysAgo: 1, for: Lead())
        #expect(scorer.score(lead, events: [first, form, otherLead], now: Fixture.now) == once)
    }

    @Test func scoreRecordsModelVersionAndClock() throws {
        let score = try LeadScorer(model: Fixture.model(fit: [Fixture.rule("c", .field(.city), .exists, points: 50)]))
            .score(lead, now: Fixture.now)
        #expect(score.modelVersion == 7)
        #expect(score.scoredAt == Fixture.now)
        #expect(score.leadID == lead.id)
    }

    @Test func contributionsAreSortedByAbsolutePointsThenRuleID() throws {
        let model = Fixture.model(
            fit: [
                Fixture.rule("b-city", .field(.city), .exists, points: 10),
                Fixture.rule("z-country", .field(.country), .exists, points: 25),
                Fixture.rule("no-company", .field(.company), .isMissing, points: -25),
                Fixture.rule("a-city", .field(.city), .equals(.text("Mumbai")), points: 10),
                Fixture.rule("zero", .field(.city), .exists, points: 0),
            ],
            engagement: [EngagementRule(id: "pv", label: "Viewed pages", eventType: "page_view", points: 12)])
        let score = try LeadScorer(model: model).score(
            lead, events: [event("page_view", daysAgo: 0, for: lead)], now: Fixture.now)
        #expect(score.contributions.map(\.ruleID) == ["no-company", "z-country", "pv", "a-city", "b-city"])
        #expect(score.contributions.map(\.points) == [-25, 25, 12, 10, 10])
        #expect(score.contributions[2].kind == .engagement)
        #expect(score.contributions[2].label == "Viewed pages")
        #expect(score.fit == 20)
        #expect(score.total == 32)
    }

    @Test func scoringTheShippedModelIsDeterministicOverManyLeads() throws {
        let scorer = try LeadScorer(model: try Fixture.shippedModel("x-education"))
        let leads = Fixture.syntheticLeads(count: 200, seed: 9)
        let first = leads.map { scorer.score($0, now: Fixture.now) }
        let second = leads.map { scorer.score($0, now: Fixture.now) }
        #expect(first == second)
    }
}
