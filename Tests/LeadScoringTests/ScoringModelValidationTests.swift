import LeadModel
import LeadScoring
import Testing

@Suite struct ScoringModelValidationTests {
    private func firstProblem(_ model: ScoringModel) -> ScoringModelError? {
        model.validationProblems().first
    }

    @Test func duplicateRuleIDsAreNamed() {
        let model = Fixture.model(
            fit: [
                Fixture.rule("a", .field(.city), .exists, points: 5),
                Fixture.rule("b", .field(.city), .isMissing, points: 5),
                Fixture.rule("a", .field(.country), .exists, points: 50),
            ])
        #expect(firstProblem(model) == ScoringModelError(keyPath: "fitRules[2].id", reason: .duplicateRuleID("a")))
        #expect(throws: ScoringModelError.self) { try LeadScorer(model: model) }
    }

    @Test func fitAndEngagementRulesShareOneIDSpace() {
        let model = Fixture.model(
            fit: [Fixture.rule("x", .field(.city), .exists, points: 50)],
            engagement: [EngagementRule(id: "x", label: "l", eventType: "page_view", points: 1)])
        #expect(firstProblem(model)?.keyPath == "engagementRules[0].id")
    }

    @Test func negativeHalfLifeIsNamed() {
        let model = Fixture.model(
            fit: [Fixture.rule("a", .field(.city), .exists, points: 50)],
            engagement: [EngagementRule(id: "e", label: "l", eventType: "page_view", points: 1, halfLifeDays: -7)])
        #expect(
            firstProblem(model)
                == ScoringModelError(keyPath: "engagementRules[0].halfLifeDays", reason: .nonPositiveHalfLife))
    }

    @Test func negativeCapIsNamed() {
        let model = Fixture.model(
            fit: [Fixture.rule("a", .field(.city), .exists, points: 50)],
            engagement: [EngagementRule(id: "e", label: "l", eventType: "page_view", points: 1, cap: -1)])
        #expect(firstProblem(model) == ScoringModelError(keyPath: "engagementRules[0].cap", reason: .negative))
    }

    @Test func gradeBandsOutOfOrderAreRefused() {
        var model = Fixture.model(fit: [Fixture.rule("a", .field(.city), .exists, points: 50)])
        model.gradeBands = GradeBands(a: 30, b: 50, c: 10)
        #expect(firstProblem(model) == ScoringModelError(keyPath: "gradeBands", reason: .gradeBandsOutOfOrder))
        model.gradeBands = GradeBands(a: 50, b: 30, c: 30)
        #expect(firstProblem(model)?.reason == .gradeBandsOutOfOrder)
    }

    @Test func thresholdNoLeadCanReachIsRefused() {
        let model = Fixture.model(
            fit: [
                Fixture.rule("a", .field(.city), .exists, points: 20),
                Fixture.rule("b", .field(.country), .exists, points: 15),
                Fixture.rule("c", .field(.title), .exists, points: -10),
            ],
            engagement: [EngagementRule(id: "e", label: "l", eventType: "page_view", points: 1, cap: 4)])
        // highest possible total: 20 + 15 + 4 = 39 < threshold 40
        #expect(
            firstProblem(model)
                == ScoringModelError(keyPath: "qualification.threshold", reason: .unreachableThreshold(maximum: 39)))
    }

    @Test func totalCapBelowThresholdIsRefused() {
        let model = Fixture.model(fit: [Fixture.rule("a", .field(.city), .exists, points: 100)], totalCap: 30)
        #expect(firstProblem(model)?.keyPath == "qualification.threshold")
    }

    @Test func emptyRangeAndMisplacedIgnoreCaseAreNamed() {
        let range = Fixture.model(
            fit: [Fixture.rule("a", .attribute("n"), .range(NumericRange(min: 10, max: 10)), points: 50)])
        #expect(firstProblem(range) == ScoringModelError(keyPath: "fitRules[0].range", reason: .emptyRange))
        let open = Fixture.model(fit: [Fixture.rule("a", .attribute("n"), .range(NumericRange()), points: 50)])
        #expect(firstProblem(open)?.reason == .emptyRange)
        let ignoreCase = Fixture.model(fit: [Fixture.rule("a", .attribute("n"), .exists, points: 50, ignoreCase: true)])
        #expect(
            firstProblem(ignoreCase)
                == ScoringModelError(keyPath: "fitRules[0].ignoreCase", reason: .ignoreCaseNeedsText))
    }

    @Test func emptyInListAndNonFinitePointsAreNamed() {
        let model = Fixture.model(
            fit: [
                Fixture.rule("a", .attribute("n"), .oneOf([]), points: 50),
                Fixture.rule("b", .attribute("n"), .exists, points: .infinity),
            ])
        let problems = model.validationProblems()
        #expect(problems.first == ScoringModelError(keyPath: "fitRules[0].in", reason: .empty))
        #expect(problems.contains(ScoringModelError(keyPath: "fitRules[1].points", reason: .notFinite)))
    }

    @Test func errorDescriptionNamesTheKeyPath() {
        let error = ScoringModelError(keyPath: "fitRules[3].points", reason: .notFinite)
        #expect(error.description == "fitRules[3].points: must be a finite number")
    }
}
