import LeadModel

/// A model's fit rules compiled once (by `LeadScorer.init`) into the form scoring runs on:
/// the rules grouped by the subject they read (each subject read once per lead), matched through
/// per-subject lookup tables into a bit set of rule numbers on the stack, the points by rule number,
/// and every explanation line built in advance and ranked in explanation order (largest absolute
/// points first, then rule id), so a lead's contributions are copied out in order with no sort.
/// Scoring a lead in a batch allocates only its contributions array (and lower-cased text when a
/// rule has `ignoreCase`); a lead scored alone also binds the rules' attributes to its key table.
struct CompiledFitRules: Sendable {
    /// One entry per subject some rule reads, in first-use order.
    private let subjects: [CompiledSubjectRules]
    /// Points by rule number (document order).
    private let points: [Double]
    /// By rule number: the rule's position in explanation order, or -1 when it gives 0 points
    /// (such rules never appear in an explanation).
    private let rankOfRule: [Int32]
    /// By rank: the explanation line of each rule with non-zero points.
    private let contributionsByRank: [ScoreContribution]
    /// Words of a rule bit set (at least 1).
    let wordCount: Int

    /// Compiles `rules` (a validated model's fit rules: unique ids).
    init(rules: [FitRule]) {
        var order: [RuleSubject] = []
        var bySubject: [RuleSubject: [(number: Int, rule: FitRule)]] = [:]
        for (number, rule) in rules.enumerated() {
            if bySubject[rule.subject] == nil { order.append(rule.subject) }
            bySubject[rule.subject, default: []].append((number, rule))
        }
        subjects = order.map { CompiledSubjectRules(subject: $0, rules: bySubject[$0] ?? []) }
        points = rules.map(\.points)
        let ranked = rules.indices.filter { rules[$0].points != 0 }.sorted { lhs, rhs in
            let left = abs(rules[lhs].points)
            let right = abs(rules[rhs].points)
            return left != right ? left > right : rules[lhs].id < rules[rhs].id
        }
        var rankOfRule = [Int32](repeating: -1, count: rules.count)
        for (rank, number) in ranked.enumerated() { rankOfRule[number] = Int32(rank) }
        self.rankOfRule = rankOfRule
        contributionsByRank = ranked.map {
            ScoreContribution(ruleID: rules[$0].id, label: rules[$0].label, points: rules[$0].points, kind: .fit)
        }
        wordCount = Swift.max(1, (rules.count + 63) / 64)
    }

    /// The subjects resolved against `keyTable`: each attribute subject's slot, ``missing`` when
    /// the table lacks it, ``general`` for lead fields and derived date parts (`NAME.month`).
    func binding(for keyTable: AttributeKeyTable) -> AttributeSlotBinding {
        AttributeSlotBinding(
            keyTable: keyTable,
            slots: subjects.map { compiled in
                guard case .attribute(let name) = compiled.subject else { return AttributeSlotBinding.general }
                if let slot = keyTable.slot(of: name) { return slot }
                // `NAME.month` of a date attribute `NAME` is derived by `Lead.value(of:)`.
                return name.utf8.contains(UInt8(ascii: "."))
                    ? AttributeSlotBinding.general : AttributeSlotBinding.missing
            })
    }

    /// Adds to `bits` every rule that holds for the lead at `lead`, attributes read by slot
    /// under `binding` (for the lead's key table): borrowed in place, no name hashing.
    ///
    /// No closure here captures the lead or `self` (either made the optimiser copy it, with a
    /// retain per reference field, for every lead).
    @inline(__always)
    func mark(_ lead: UnsafePointer<Lead>, binding: AttributeSlotBinding, in bits: RuleBits) {
        for number in binding.generalSubjects { subjects[number].mark(at: lead, in: bits) }
        let subjects = self.subjects
        let slots = binding.slots
        lead.pointee.attributes.withSlotValues { values in
            subjects.withUnsafeBufferPointer { subjects in
                slots.withUnsafeBufferPointer { slots in
                    for number in subjects.indices {
                        let slot = slots[number]
                        if slot >= 0 {
                            subjects[number].mark(slotValue: values[slot], in: bits)
                        } else if slot == AttributeSlotBinding.missing {
                            subjects[number].mark(nil, in: bits)
                        }
                    }
                }
            }
        }
    }

    /// The fit points (sum of the points of the rules in `matches`, added in document order).
    @inline(__always)
    func fit(_ matches: RuleBits) -> Double {
        var fit = 0.0
        points.withUnsafeBufferPointer { points in
            matches.forEach { fit += points[$0] }
        }
        return fit
    }

    /// The explanation lines of the rules in `matches` that give non-zero points, in explanation
    /// order (largest absolute points first, then rule id), in an array with room for `extra` more.
    /// `scratch` (``wordCount`` words, any content) holds the ranks meanwhile.
    @inline(__always)
    func contributions(
        _ matches: RuleBits, scratch: UnsafeMutableBufferPointer<UInt64>, reservingCapacity extra: Int = 0
    ) -> [ScoreContribution] {
        let ranks = RuleBits(clearing: scratch)
        rankOfRule.withUnsafeBufferPointer { rankOfRule in
            matches.forEach { number in
                let rank = rankOfRule[number]
                if rank >= 0 { ranks.insert(rank) }
            }
        }
        let count = ranks.count
        var result: [ScoreContribution] = []
        result.reserveCapacity(count + extra)
        contributionsByRank.withUnsafeBufferPointer { lines in
            ranks.forEach { result.append(lines[$0]) }
        }
        return result
    }
}
