extension ScoringModel {
    /// Checks what decoding cannot: unique rule ids (fit and engagement share one id space),
    /// non-empty ids, labels, event types, `in` lists and `contains` text, finite numbers,
    /// non-empty ranges (`min < max`), `ignoreCase` only on text predicates, half-lives above 0
    /// days, caps and age limits not negative, grade bands strictly descending, and a
    /// qualification threshold and minimum grade that some lead can reach.
    /// - Throws: `ScoringModelError` for the first problem in document order, naming its key path
    ///   (`fitRules[3].points`).
    public func validate() throws {
        if let first = validationProblems().first { throw first }
    }

    /// Every problem `validate()` would report, in document order.
    public func validationProblems() -> [ScoringModelError] {
        var problems: [ScoringModelError] = []
        func check(_ condition: Bool, _ path: String, _ reason: ScoringModelError.Reason) {
            if !condition { problems.append(ScoringModelError(keyPath: path, reason: reason)) }
        }
        check(version >= 1, "version", .invalidVersion)
        check(!name.isEmpty, "name", .empty)
        var seen: Set<String> = []
        for (index, rule) in fitRules.enumerated() {
            let path = "fitRules[\(index)]"
            check(!rule.id.isEmpty, path + ".id", .empty)
            check(seen.insert(rule.id).inserted || rule.id.isEmpty, path + ".id", .duplicateRuleID(rule.id))
            check(!rule.label.isEmpty, path + ".label", .empty)
            check(rule.points.isFinite, path + ".points", .notFinite)
            if case .attribute(let name) = rule.subject { check(!name.isEmpty, path + ".attribute", .empty) }
            var comparesText = false
            switch rule.predicate {
            case .equals(let value):
                comparesText = value.isText
                check(value.isFinite, path + ".equals", .notFinite)
            case .oneOf(let values):
                comparesText = values.contains(where: \.isText)
                check(!values.isEmpty, path + ".in", .empty)
                check(values.allSatisfy(\.isFinite), path + ".in", .notFinite)
            case .range(let range):
                let finite = (range.min?.isFinite ?? true) && (range.max?.isFinite ?? true)
                check(finite, path + ".range", .notFinite)
                let bounded = range.min != nil || range.max != nil
                let ordered = range.min.flatMap { low in range.max.map { low < $0 } } ?? true
                check(bounded && ordered, path + ".range", .emptyRange)
            case .contains(let text):
                comparesText = true
                check(!text.isEmpty, path + ".contains", .empty)
            case .exists, .isMissing:
                break
            }
            check(!rule.ignoreCase || comparesText, path + ".ignoreCase", .ignoreCaseNeedsText)
        }
        for (index, rule) in engagementRules.enumerated() {
            let path = "engagementRules[\(index)]"
            check(!rule.id.isEmpty, path + ".id", .empty)
            check(seen.insert(rule.id).inserted || rule.id.isEmpty, path + ".id", .duplicateRuleID(rule.id))
            check(!rule.label.isEmpty, path + ".label", .empty)
            check(!rule.eventType.isEmpty, path + ".eventType", .empty)
            check(rule.points.isFinite, path + ".points", .notFinite)
            if let low = rule.minValue { check(low.isFinite, path + ".minValue", .notFinite) }
            if let high = rule.maxValue { check(high.isFinite, path + ".maxValue", .notFinite) }
            if let low = rule.minValue, let high = rule.maxValue { check(low < high, path + ".maxValue", .emptyRange) }
            if let days = rule.maxAgeDays {
                check(days.isFinite, path + ".maxAgeDays", .notFinite)
                check(days >= 0, path + ".maxAgeDays", .negative)
            }
            if let cap = rule.cap {
                check(cap.isFinite, path + ".cap", .notFinite)
                check(cap >= 0, path + ".cap", .negative)
            }
            if let halfLife = rule.halfLifeDays {
                check(!halfLife.isNaN, path + ".halfLifeDays", .notFinite)
                check(halfLife > 0, path + ".halfLifeDays", .nonPositiveHalfLife)
            }
        }
        if let totalCap { check(totalCap.isFinite, "totalCap", .notFinite) }
        let bands = [gradeBands.a, gradeBands.b, gradeBands.c]
        check(bands.allSatisfy(\.isFinite), "gradeBands", .notFinite)
        check(gradeBands.a > gradeBands.b && gradeBands.b > gradeBands.c, "gradeBands", .gradeBandsOutOfOrder)
        check(qualification.threshold.isFinite, "qualification.threshold", .notFinite)
        if problems.isEmpty {
            let maximum = maximumTotal
            check(
                qualification.threshold <= maximum, "qualification.threshold", .unreachableThreshold(maximum: maximum))
            if let grade = qualification.minimumGrade {
                check(
                    gradeBands.lowerBound(of: grade) <= maximumFit, "qualification.minimumGrade",
                    .unreachableGrade(maximumFit: maximumFit))
            }
        }
        return problems
    }

    /// An upper bound on the fit any lead can reach (points): the best-paying rule per subject and
    /// predicate kind can all hold at once, so this sums every positive rule; exact enough to
    /// catch a threshold no lead can reach.
    public var maximumFit: Double {
        fitRules.reduce(0) { $0 + Swift.max($1.points, 0) }
    }

    /// An upper bound on the total any lead can reach (points): `maximumFit` plus each positive
    /// engagement rule's cap (infinite without a cap), limited by `totalCap`.
    public var maximumTotal: Double {
        var engagement = 0.0
        for rule in engagementRules where rule.points > 0 {
            engagement += rule.cap ?? .infinity
        }
        let total = maximumFit + engagement
        return totalCap.map { Swift.min($0, total) } ?? total
    }
}
