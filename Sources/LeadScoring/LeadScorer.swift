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

    private let fitRules: CompiledFitRules
    private let engagementByType: [String: [Int]]

    /// Validates and compiles `model`: the fit rules are grouped by the subject they read and
    /// turned into lookup tables (`CompiledFitRules`), once.
    /// - Throws: `ScoringModelError` from `ScoringModel.validate()`.
    public init(model: ScoringModel) throws {
        try model.validate()
        self.model = model
        fitRules = CompiledFitRules(rules: model.fitRules)
        var byType: [String: [Int]] = [:]
        for (index, rule) in model.engagementRules.enumerated() {
            byType[rule.eventType, default: []].append(index)
        }
        engagementByType = byType
    }

    /// The lead's score at `now`.
    ///
    /// - Fit: the sum of the points of every fit rule that holds (added in document order).
    /// - Engagement: per rule, the sum over its matching events of `points × 0.5^(ageDays /
    ///   halfLifeDays)` (age measured from `now`; events after `now` count at age 0), limited to
    ///   `-cap…cap`. Events of other leads are ignored; events sharing a `dedupeKey` count once
    ///   (the earliest, then the smallest id).
    /// - Total: fit plus engagement, at most `totalCap`.
    /// - Grade from the fit bands; qualified per the qualification definition.
    /// - Contributions: each rule that gave non-zero points, largest absolute points first, then
    ///   by rule id.
    ///
    /// Runs on the compiled rules; equal to `scoreRuleByRule(_:events:now:)`. The model's
    /// attributes are resolved to the lead's slots for this one lead;
    /// ``score(_:events:now:)-([Lead],_,_)`` resolves them once per key table for a batch.
    public func score(_ lead: Lead, events: [EngagementEvent] = [], now: Date) -> LeadScore {
        let binding = fitRules.binding(for: lead.attributes.keyTable)
        let wordCount = fitRules.wordCount
        return withUnsafePointer(to: lead) { lead in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * wordCount) { words in
                score(
                    lead, events: events, now: now, binding: binding,
                    matches: UnsafeMutableBufferPointer(rebasing: words[..<wordCount]),
                    scratch: UnsafeMutableBufferPointer(rebasing: words[wordCount...]))
            }
        }
    }

    /// The scores of `leads` at `now`, in order: each equal to `score(lead, events:
    /// events[lead.id] ?? [], now: now)`, what a scoring run stores per lead.
    ///
    /// Faster for leads that share an attribute key table (the leads of one import, or of one
    /// page read from the store): the model's attribute names are resolved to slots once per
    /// table (checked by identity from lead to lead), and each lead's values are read by index.
    /// - Parameters:
    ///   - leads: the leads to score.
    ///   - events: engagement events by lead (each lead reads its own; others are ignored).
    ///   - now: the instant decay is measured to.
    /// - Returns: one score per lead, in the order of `leads`.
    public func score(_ leads: [Lead], events: [LeadID: [EngagementEvent]] = [:], now: Date) -> [LeadScore] {
        var scores: [LeadScore] = []
        scores.reserveCapacity(leads.count)
        // The rule bit sets, allocated once per batch (no closure per lead): matches, then ranks.
        let wordCount = fitRules.wordCount
        let words = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 2 * wordCount)
        defer { words.deallocate() }
        let matches = UnsafeMutableBufferPointer(rebasing: words[..<wordCount])
        let scratch = UnsafeMutableBufferPointer(rebasing: words[wordCount...])
        var binding = fitRules.binding(for: leads.first?.attributes.keyTable ?? .empty)
        // Leads are read in place through a pointer: an element taken out of the array (even of
        // its buffer) was copied, a retain and release per reference field, for every lead.
        leads.withUnsafeBufferPointer { leads in
            guard let first = leads.baseAddress else { return }
            for index in leads.indices {
                let lead = first + index
                if binding.keyTable !== lead.pointee.attributes.keyTable {
                    binding = fitRules.binding(for: lead.pointee.attributes.keyTable)
                }
                let leadEvents = events.isEmpty ? [] : events[lead.pointee.id] ?? []
                scores.append(
                    score(
                        lead, events: leadEvents, now: now, binding: binding, matches: matches, scratch: scratch))
            }
        }
        return scores
    }

    /// One lead's score, the lead read in place with its attributes by slot (`binding` is for its
    /// key table); `matches` and `scratch` are ``CompiledFitRules/wordCount`` words each (any
    /// content). Every compiled score, single or batch, is made here.
    @inline(__always)
    private func score(
        _ lead: UnsafePointer<Lead>, events: [EngagementEvent], now: Date, binding: AttributeSlotBinding,
        matches words: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>
    ) -> LeadScore {
        let matches = RuleBits(clearing: words)
        fitRules.mark(lead, binding: binding, in: matches)
        let fit = fitRules.fit(matches)
        var engagementLines: [ScoreContribution] = []
        let engagement =
            events.isEmpty
            ? 0 : engagementPoints(of: lead.pointee, events: events, now: now, contributions: &engagementLines)
        var contributions = fitRules.contributions(
            matches, scratch: scratch, reservingCapacity: engagementLines.count)
        if !engagementLines.isEmpty {
            contributions += engagementLines
            contributions.sort(by: Self.explanationOrder)
        }
        return finish(lead, fit: fit, engagement: engagement, contributions: contributions, now: now)
    }

    /// The same score computed the straightforward way: every fit rule tested on its own with
    /// `FitRule.holds(for:)`, in document order, and the contributions sorted afterwards. Slower;
    /// it is the reference the compiled `score` is checked against.
    public func scoreRuleByRule(_ lead: Lead, events: [EngagementEvent] = [], now: Date) -> LeadScore {
        var fit = 0.0
        var contributions: [ScoreContribution] = []
        for rule in model.fitRules where rule.holds(for: lead) {
            fit += rule.points
            if rule.points != 0 {
                contributions.append(
                    ScoreContribution(ruleID: rule.id, label: rule.label, points: rule.points, kind: .fit))
            }
        }
        let engagement = engagementPoints(of: lead, events: events, now: now, contributions: &contributions)
        contributions.sort(by: Self.explanationOrder)
        return withUnsafePointer(to: lead) { lead in
            finish(lead, fit: fit, engagement: engagement, contributions: contributions, now: now)
        }
    }

    /// The fit points alone (no contributions, no events): the fast path for evaluation and
    /// benchmarks. Equal to `score(lead, now:).fit`.
    public func fitPoints(of lead: Lead) -> Double {
        let binding = fitRules.binding(for: lead.attributes.keyTable)
        return withUnsafePointer(to: lead) { lead in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: fitRules.wordCount) { words in
                let matches = RuleBits(clearing: words)
                fitRules.mark(lead, binding: binding, in: matches)
                return fitRules.fit(matches)
            }
        }
    }

    /// The score from its parts: the total (capped), the grade, whether the lead qualifies.
    @inline(__always)
    private func finish(
        _ lead: UnsafePointer<Lead>, fit: Double, engagement: Double, contributions: [ScoreContribution], now: Date
    ) -> LeadScore {
        var total = fit + engagement
        if let cap = model.totalCap { total = Swift.min(total, cap) }
        let grade = model.gradeBands.grade(forFit: fit)
        let qualified = model.qualification.isQualified(at: lead, total: total, grade: grade)
        return LeadScore(
            leadID: lead.pointee.id, fit: fit, engagement: engagement, total: total, grade: grade,
            qualified: qualified, modelVersion: model.version, contributions: contributions, scoredAt: now)
    }

    /// Explanation order: largest absolute points first, then by rule id (ids are unique in a
    /// valid model, so the order is total).
    private static func explanationOrder(_ lhs: ScoreContribution, _ rhs: ScoreContribution) -> Bool {
        let left = abs(lhs.points)
        let right = abs(rhs.points)
        return left != right ? left > right : lhs.ruleID < rhs.ruleID
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
