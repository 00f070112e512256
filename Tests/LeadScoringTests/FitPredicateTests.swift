import LeadModel
import LeadScoring
import Testing

@Suite struct FitPredicateTests {
    /// One row of the predicate table: a rule and whether it holds for `lead` below.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let subject: RuleSubject
        let predicate: FitPredicate
        var ignoreCase = false
        let holds: Bool
        var testDescription: String { name }
    }

    static let lead = Lead(
        email: EmailAddress("Priya@Example.com"), title: "Head of Data", country: "India", city: "Mumbai",
        source: "google", doNotEmail: true,
        attributes: [
            "lead_origin": .text("Lead Add Form"), "total_time_spent_on_website": .number(900),
            "ebook": .bool(true), "blank": .text(""),
        ],
        postContactAttributes: ["tags": .text("Closed by Horizzon")])

    static let cases: [Case] = [
        Case(
            name: "equals text", subject: .attribute("lead_origin"), predicate: .equals(.text("Lead Add Form")),
            holds: true),
        Case(
            name: "equals text, other value", subject: .attribute("lead_origin"), predicate: .equals(.text("API")),
            holds: false),
        Case(
            name: "equals is case-sensitive", subject: .attribute("lead_origin"),
            predicate: .equals(.text("lead add form")), holds: false),
        Case(
            name: "equals with ignoreCase", subject: .attribute("lead_origin"),
            predicate: .equals(.text("lead add form")), ignoreCase: true, holds: true),
        Case(
            name: "equals number", subject: .attribute("total_time_spent_on_website"), predicate: .equals(.number(900)),
            holds: true),
        Case(
            name: "equals number vs text", subject: .attribute("total_time_spent_on_website"),
            predicate: .equals(.text("900")), holds: false),
        Case(name: "equals flag", subject: .attribute("ebook"), predicate: .equals(.bool(true)), holds: true),
        Case(name: "equals flag, false", subject: .attribute("ebook"), predicate: .equals(.bool(false)), holds: false),
        Case(name: "equals on a field", subject: .field(.doNotEmail), predicate: .equals(.bool(true)), holds: true),
        Case(
            name: "equals on a missing value", subject: .attribute("absent"), predicate: .equals(.text("x")),
            holds: false),
        Case(name: "in", subject: .field(.country), predicate: .oneOf([.text("Nepal"), .text("India")]), holds: true),
        Case(
            name: "in, not listed", subject: .field(.country), predicate: .oneOf([.text("Nepal"), .text("Oman")]),
            holds: false),
        Case(
            name: "in with ignoreCase", subject: .field(.country), predicate: .oneOf([.text("INDIA")]),
            ignoreCase: true, holds: true),
        Case(
            name: "range, min inclusive", subject: .attribute("total_time_spent_on_website"),
            predicate: .range(NumericRange(min: 900, max: 1800)), holds: true),
        Case(
            name: "range, max exclusive", subject: .attribute("total_time_spent_on_website"),
            predicate: .range(NumericRange(min: 300, max: 900)), holds: false),
        Case(
            name: "range, open above", subject: .attribute("total_time_spent_on_website"),
            predicate: .range(NumericRange(min: 60)), holds: true),
        Case(
            name: "range, open below", subject: .attribute("total_time_spent_on_website"),
            predicate: .range(NumericRange(max: 60)), holds: false),
        Case(
            name: "range on text", subject: .attribute("lead_origin"), predicate: .range(NumericRange(min: 0)),
            holds: false),
        Case(
            name: "range on a missing value", subject: .attribute("absent"), predicate: .range(NumericRange(min: 0)),
            holds: false),
        Case(name: "exists", subject: .field(.city), predicate: .exists, holds: true),
        Case(name: "exists, absent", subject: .field(.company), predicate: .exists, holds: false),
        Case(name: "exists, blank text is missing", subject: .attribute("blank"), predicate: .exists, holds: false),
        Case(name: "contains", subject: .field(.title), predicate: .contains("Data"), holds: true),
        Case(name: "contains, case-sensitive", subject: .field(.title), predicate: .contains("data"), holds: false),
        Case(
            name: "contains with ignoreCase", subject: .field(.title), predicate: .contains("HEAD"), ignoreCase: true,
            holds: true),
        Case(name: "contains on a missing value", subject: .field(.company), predicate: .contains("a"), holds: false),
        Case(name: "isMissing", subject: .field(.company), predicate: .isMissing, holds: true),
        Case(name: "isMissing, present", subject: .field(.source), predicate: .isMissing, holds: false),
        Case(name: "isMissing, blank", subject: .attribute("blank"), predicate: .isMissing, holds: true),
        Case(
            name: "email domain", subject: .field(.emailDomain), predicate: .equals(.text("example.com")), holds: true),
        Case(name: "email valid", subject: .field(.emailValid), predicate: .equals(.bool(true)), holds: true),
        Case(
            name: "post-contact attribute is never readable", subject: .attribute("tags"), predicate: .exists,
            holds: false),
    ]

    @Test(arguments: cases)
    func predicate(_ testCase: Case) throws {
        let rule = FitRule(
            id: "r", label: "rule", subject: testCase.subject, predicate: testCase.predicate,
            ignoreCase: testCase.ignoreCase, points: 60)
        let scorer = try LeadScorer(model: Fixture.model(fit: [rule]))
        let score = scorer.score(Self.lead, now: Fixture.now)
        #expect(score.fit == (testCase.holds ? 60 : 0))
        #expect(scorer.fitPoints(of: Self.lead) == score.fit)
        #expect(score.contributions.map(\.ruleID) == (testCase.holds ? ["r"] : []))
    }
}
