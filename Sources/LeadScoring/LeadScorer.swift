public import Foundation
public import LeadModel

/// Scores leads under one scoring model (SPEC §4). Built once per model (it validates the model
/// and compiles its rules into matchers), then `score` is a pure function: the same lead, events,
/// model and clock give the same score, whatever the order of the events, and the same event
/// (same `dedupeKey`) delivered twice counts once.
///
/// Sendable and immutable: share one scorer across tasks.
public struct LeadScorer: Sendable {
    /// The model this scorer applies.
    public let model: ScoringModel

    private let groups: [CompiledSubjectRules]
    private let fitPointsByRule: [Double]
    private let fitIDs: [String]
    private let fitLabels: [String]
    private let engagementByType: [String: [Int]]

    /// Validates and compiles `model`.
    /// - Throws: `ScoringModelError` from `ScoringModel.validate()`.
    public init(model: ScoringModel) throws {
        try model.validate()
        self.model = model
        var order: [RuleSubject] = []
        var bySubject: [RuleSubject: [(Int, FitRule)]] = [:]
        for (number, rule) in model.fitRules.enumerated() {
            if bySubject[rule.subject] == nil { order.append(rule.subject) }
            bySubject[rule.subject, default: []].append((number, rule))
        }
        groups = order.map { CompiledSubjectRules(subject: $0, rules: bySubject[$0] ?? []) }
        fitPointsByRule = model.fitRules.map(\.points)
        fitIDs = model.fitRules.map(\.id)
        fitLabels = model.fitRules.map(\.label)
        var byType: [String: [Int]] = [:]
        for (index, rule) in model.engagementRules.enumerated() {
            byType[rule.eventType, default: []].append(index)
        }
        engagementByType = byType
    }

    /// The lead's score at `now`.
    ///
    /// - Fit: the sum of the points of every fit rule that holds.
    /// - Engagement: per rule, the sum over its matching events of `points × 0.5^(ageDays /
    ///   halfLifeDays)` (age measured from `now`; events after `now` count at age 0), limited to
    ///   `-cap…cap`. Events of other leads are ignored; events sharing a `dedupeKey` count once
    ///   (the earliest, then the smallest id).
    /// - Total: fit plus engagement, at most `totalCap`.
    /// - Grade from the fit bands; qualified per the qualification definition.
    /// - Contributions: each rule that gave non-zero points, largest absolute points first, then
    ///   by rule id.
    public func score(_ lead: Lead, events: [EngagementEvent] = [], now: Date) -> LeadScore {
        var contributions: [ScoreContribution] = []
        let fit = fitPoints(of: lead, contributions: &contributions)
        let engagement = engagementPoints(of: lead, events: events, now: now, contributions: &contributions)
        var total = fit + engagement
        if let cap = model.totalCap { total = Swift.min(total, cap) }
        let grade = model.gradeBands.grade(forFit: fit)
        let qualified = model.qualification.isQualified(lead, total: total, grade: grade)
        contributions.sort { lhs, rhs in
            let left = abs(lhs.points)
            let right = abs(rhs.points)
            return left != right ? left > right : lhs.ruleID < rhs.ruleID
        }
        return LeadScore(
            leadID: lead.id, fit: fit, engagement: engagement, total: total, grade: grade, qualified: qualified,
            modelVersion: model.version, contributions: contributions, scoredAt: now)
    }

    /// The fit points alone (no contributions, no events): the fast path for evaluation and
    /// benchmarks. Equal to `score(lead, now:).fit` (exactly so for whole points; fractional
    /// points may differ in the last bit, being summed in another order).
    public func fitPoints(of lead: Lead) -> Double {
        var fit = 0.0
        for group in groups {
            let value = lead.value(of: group.subject)
            switch value {
            case nil:
                fit += group.whenMissingPoints
            case .bool(let flag)? where group.ranges.isEmpty:
                fit += group.whenPresentPoints + (flag ? group.whenTruePoints : group.whenFalsePoints)
            default:
                group.forEachMatch(value) { fit += fitPointsByRule[$0] }
            }
        }
        return fit
    }

    private func fitPoints(of lead: Lead, contributions: inout [ScoreContribution]) -> Double {
        var matched: [Int] = []
        matched.reserveCapacity(16)
        for group in groups {
            group.forEachMatch(lead.value(of: group.subject)) { matched.append($0) }
        }
        matched.sort()  // document order, so sums are identical whatever the grouping
        var fit = 0.0
        for number in matched {
            let points = fitPointsByRule[number]
            fit += points
            if points != 0 {
                contributions.append(
                    ScoreContribution(ruleID: fitIDs[number], label: fitLabels[number], points: points, kind: .fit))
            }
        }
        return fit
    }

    private func engagementPoints(
        of lead: Lead, events: [EngagementEvent], now: Date, contributions: inout [ScoreContribution]
    ) -> Double {
        guard !events.isEmpty, !engagementByType.isEmpty else { return 0 }
        let ordered = events.filter { $0.leadID == lead.id }.sorted { lhs, rhs in
            if lhs.dedupeKey != rhs.dedupeKey { return lhs.dedupeKey < rhs.dedupeKey }
            if lhs.occurredAt != rhs.occurredAt { return lhs.occurredAt < rhs.occurredAt }
            return lhs.id < rhs.id
        }
        var sums = [Double](repeating: 0, count: model.engagementRules.count)
        var matched = [Bool](repeating: false, count: model.engagementRules.count)
        var previousKey: String?
        for event in ordered {
            if event.dedupeKey == previousKey { continue }
            previousKey = event.dedupeKey
            guard let indices = engagementByType[event.type] else { continue }
            let ageDays = Swift.max(0, now.timeIntervalSince(event.occurredAt) / 86_400)
            for index in indices {
                let rule = model.engagementRules[index]
                if let low = rule.minValue {
                    guard let value = event.value, value >= low else { continue }
                }
                if let high = rule.maxValue {
                    guard let value = event.value, value < high else { continue }
                }
                if let maxAge = rule.maxAgeDays, ageDays > maxAge { continue }
                let weight = rule.halfLifeDays.map { exp2(-ageDays / $0) } ?? 1
                sums[index] += rule.points * weight
                matched[index] = true
            }
        }
        var engagement = 0.0
        for (index, rule) in model.engagementRules.enumerated() where matched[index] {
            var points = sums[index]
            if let cap = rule.cap { points = Swift.min(Swift.max(points, -cap), cap) }
            engagement += points
            if points != 0 {
                contributions.append(
                    ScoreContribution(ruleID: rule.id, label: rule.label, points: points, kind: .engagement))
            }
        }
        return engagement
    }
}
