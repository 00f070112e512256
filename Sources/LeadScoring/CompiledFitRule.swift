import LeadModel

/// A fit rule turned into a matcher once, so scoring a lead does no parsing or allocation
/// beyond the contributions it returns.
struct CompiledFitRule: Sendable {
    enum Matcher: Sendable {
        /// `equals` / `in`: the value is in one of these sets (text already lower-cased when the
        /// rule ignores case).
        case oneOf(texts: Set<String>, numbers: Set<Double>, flags: Set<Bool>)
        case range(NumericRange)
        case exists
        case isMissing
        case contains(String)
    }

    let ruleID: String
    let label: String
    let points: Double
    let ignoreCase: Bool
    let matcher: Matcher

    init(_ rule: FitRule) {
        ruleID = rule.id
        label = rule.label
        points = rule.points
        ignoreCase = rule.ignoreCase
        func fold(_ text: String) -> String { rule.ignoreCase ? text.lowercased() : text }
        func set(_ values: [RuleValue]) -> Matcher {
            var texts: Set<String> = []
            var numbers: Set<Double> = []
            var flags: Set<Bool> = []
            for value in values {
                switch value {
                case .text(let text): texts.insert(fold(text))
                case .number(let number): numbers.insert(number)
                case .bool(let flag): flags.insert(flag)
                }
            }
            return .oneOf(texts: texts, numbers: numbers, flags: flags)
        }
        switch rule.predicate {
        case .equals(let value): matcher = set([value])
        case .oneOf(let values): matcher = set(values)
        case .range(let range): matcher = .range(range)
        case .exists: matcher = .exists
        case .isMissing: matcher = .isMissing
        case .contains(let text): matcher = .contains(fold(text))
        }
    }

    /// Whether the rule holds for `value`; `folded` is the lower-cased text, computed by the
    /// caller at most once per subject.
    func matches(_ value: AttributeValue?, folded: () -> String?) -> Bool {
        switch matcher {
        case .exists: return value != nil
        case .isMissing: return value == nil
        case .range(let range):
            if case .number(let number)? = value { return range.contains(number) }
            return false
        case .contains(let needle):
            guard case .text(let text)? = value else { return false }
            if ignoreCase { return folded()?.contains(needle) ?? false }
            return text.contains(needle)
        case .oneOf(let texts, let numbers, let flags):
            switch value {
            case .text(let text)?:
                if ignoreCase { return folded().map { texts.contains($0) } ?? false }
                return texts.contains(text)
            case .number(let number)?: return numbers.contains(number)
            case .bool(let flag)?: return flags.contains(flag)
            case .date?, nil: return false
            }
        }
    }
}
