import LeadModel

/// The fit rules that read one subject, compiled into lookup tables once, so scoring a lead
/// reads the subject's value once and marks every rule it satisfies without re-testing each rule
/// (issue 3's throughput goal). Rule numbers index the model's `fitRules`; `mark` sets their bits
/// in a `RuleBits` word array. Must agree with `FitRule.holds(forValue:)`.
final class CompiledSubjectRules: Sendable {
    /// What the rules read.
    let subject: RuleSubject
    /// Case-sensitive `equals`/`in` texts when there are few (compared one by one), by candidate
    /// number, in parallel arrays read in place (no copies, so no reference counting per lead):
    /// the text, its UTF-8 length (compared first, so most non-matching candidates cost one
    /// integer compare), and the rules it satisfies, `exactRules[exactRuleStart[n] ..<
    /// exactRuleStart[n + 1]]`.
    private let exactTexts: [String]
    private let exactLengths: [Int]
    private let exactRuleStart: [Int]
    private let exactRules: [Int32]
    /// The same as a dictionary, used instead when there are many texts.
    private let exactTextIndex: [String: [Int32]]
    /// `ignoreCase` texts (lower-cased) → rules.
    private let foldedText: [String: [Int32]]
    /// Exact numbers → rules.
    private let numbers: [Double: [Int32]]
    /// Rules matching `true` / `false`.
    private let whenTrue: [Int32]
    private let whenFalse: [Int32]
    /// `range` rules.
    private let ranges: [(range: NumericRange, rule: Int32)]
    /// `contains` rules: the needle (lower-cased when `ignoreCase`).
    private let contains: [(needle: String, ignoreCase: Bool, rule: Int32)]
    /// Whether text must be lower-cased (some `ignoreCase` rule): the only per-lead allocation.
    private let needsLowercased: Bool
    /// `exists` and `isMissing` rules.
    private let whenPresent: [Int32]
    private let whenMissing: [Int32]

    private static let linearLimit = 12

    init(subject: RuleSubject, rules: [(number: Int, rule: FitRule)]) {
        self.subject = subject
        var exact: [String: [Int32]] = [:]
        var exactOrder: [String] = []
        var folded: [String: [Int32]] = [:]
        var numbers: [Double: [Int32]] = [:]
        var whenTrue: [Int32] = []
        var whenFalse: [Int32] = []
        var ranges: [(range: NumericRange, rule: Int32)] = []
        var contains: [(needle: String, ignoreCase: Bool, rule: Int32)] = []
        var whenPresent: [Int32] = []
        var whenMissing: [Int32] = []
        func addValues(_ values: [RuleValue], _ number: Int32, ignoreCase: Bool) {
            // A value listed twice in one rule marks the rule once (marking is idempotent anyway).
            var seen: Set<RuleValue> = []
            for value in values where seen.insert(value).inserted {
                switch value {
                case .text(let text) where ignoreCase: folded[text.lowercased(), default: []].append(number)
                case .text(let text):
                    if exact[text] == nil { exactOrder.append(text) }
                    exact[text, default: []].append(number)
                case .number(let value): numbers[value, default: []].append(number)
                case .bool(true): whenTrue.append(number)
                case .bool(false): whenFalse.append(number)
                }
            }
        }
        for (number, rule) in rules {
            let number = Int32(number)
            switch rule.predicate {
            case .equals(let value): addValues([value], number, ignoreCase: rule.ignoreCase)
            case .oneOf(let values): addValues(values, number, ignoreCase: rule.ignoreCase)
            case .range(let range): ranges.append((range, number))
            case .contains(let needle):
                contains.append((rule.ignoreCase ? needle.lowercased() : needle, rule.ignoreCase, number))
            case .exists: whenPresent.append(number)
            case .isMissing: whenMissing.append(number)
            }
        }
        let linear = exactOrder.count <= Self.linearLimit
        let exactCandidates = linear ? exactOrder : []
        exactTexts = exactCandidates
        exactLengths = exactCandidates.map(\.utf8.count)
        var starts = [0]
        var flat: [Int32] = []
        for text in exactCandidates {
            flat += exact[text] ?? []
            starts.append(flat.count)
        }
        exactRuleStart = starts
        exactRules = flat
        exactTextIndex = linear ? [:] : exact
        foldedText = folded
        self.numbers = numbers
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
        self.ranges = ranges
        self.contains = contains
        needsLowercased = !folded.isEmpty || contains.contains { $0.ignoreCase }
        self.whenPresent = whenPresent
        self.whenMissing = whenMissing
    }

    /// Marks in `bits` every rule that holds for the lead at `lead` (read in place: lead fields
    /// one by one; derived date attributes through ``Lead/value(of:)``).
    @inline(__always)
    func mark(at lead: UnsafePointer<Lead>, in bits: RuleBits) {
        if case .field(let field) = subject {
            mark(Lead.value(of: field, at: lead), in: bits)
        } else {
            mark(lead.pointee.value(of: subject), in: bits)
        }
    }

    /// Marks in `bits` every rule that holds for `value`, an attribute's stored value read by
    /// slot (blank text counts as missing, as in ``Lead/value(of:)``).
    @inline(__always)
    func mark(slotValue value: AttributeValue?, in bits: RuleBits) {
        if case .text(let text)? = value, text.isEmpty {
            mark(nil, in: bits)
        } else {
            mark(value, in: bits)
        }
    }

    /// Marks the rules of exact-text candidate `number`.
    @inline(__always)
    private func markExact(_ number: Int, in bits: RuleBits) {
        exactRuleStart.withUnsafeBufferPointer { starts in
            exactRules.withUnsafeBufferPointer { rules in
                for index in starts[number]..<starts[number + 1] { bits.insert(rules[index]) }
            }
        }
    }

    /// Marks in `bits` every rule that holds for `value` (the subject's value of one lead).
    /// Inlined into the scorer's subject loop: called, it cost a retain and a release of this
    /// object and a copy of the value per subject per lead.
    @inline(__always)
    func mark(_ value: AttributeValue?, in bits: RuleBits) {
        guard let value else {
            bits.insert(whenMissing)
            return
        }
        bits.insert(whenPresent)
        switch value {
        case .text(let text):
            if !exactTexts.isEmpty {
                let length = text.utf8.count
                exactLengths.withUnsafeBufferPointer { lengths in
                    exactTexts.withUnsafeBufferPointer { texts in
                        for number in lengths.indices where lengths[number] == length && texts[number] == text {
                            markExact(number, in: bits)
                        }
                    }
                }
            } else if !exactTextIndex.isEmpty, let rules = exactTextIndex[text] {
                bits.insert(rules)
            }
            if needsLowercased {
                let lowered = text.lowercased()
                if let rules = foldedText[lowered] { bits.insert(rules) }
                for entry in contains where entry.ignoreCase && lowered.contains(entry.needle) {
                    bits.insert(entry.rule)
                }
            }
            for entry in contains where !entry.ignoreCase && text.contains(entry.needle) {
                bits.insert(entry.rule)
            }
        case .number(let number):
            if !numbers.isEmpty, let rules = numbers[number] { bits.insert(rules) }
            for entry in ranges where entry.range.contains(number) { bits.insert(entry.rule) }
        case .bool(let flag):
            bits.insert(flag ? whenTrue : whenFalse)
        case .date:
            break
        }
    }
}
