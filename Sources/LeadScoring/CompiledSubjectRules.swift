import LeadModel

/// The fit rules that read one subject, compiled into lookup tables once, so scoring a lead
/// reads the subject's value once and finds every rule it satisfies without re-testing each rule
/// (issue 3's throughput goal). Rule numbers index the scorer's `fitRules`.
final class CompiledSubjectRules: Sendable {
    /// Rules matching an exact text (`equals`/`in`, case-sensitive): text → rule numbers.
    let exactText: [(String, [Int])]
    let exactTextIndex: [String: [Int]]
    /// The same for rules with `ignoreCase` (keys lower-cased).
    let foldedText: [String: [Int]]
    /// Rules matching a number exactly.
    let numbers: [Double: [Int]]
    /// Rules matching `true` / `false`.
    let whenTrue: [Int]
    let whenFalse: [Int]
    /// `range` rules with their ranges.
    let ranges: [(NumericRange, Int)]
    /// `contains` rules: needle (lower-cased when `ignoreCase`), ignoreCase, rule number.
    let contains: [(String, Bool, Int)]
    /// `exists` and `isMissing` rules.
    let whenPresent: [Int]
    let whenMissing: [Int]
    /// Sums of the points above, for the allocation-free `fitPoints` path.
    let whenPresentPoints: Double
    let whenMissingPoints: Double
    let whenTruePoints: Double
    let whenFalsePoints: Double
    let subject: RuleSubject

    private static let linearLimit = 8

    init(subject: RuleSubject, rules: [(Int, FitRule)]) {
        self.subject = subject
        var exact: [String: [Int]] = [:]
        var exactOrder: [String] = []
        var folded: [String: [Int]] = [:]
        var numbers: [Double: [Int]] = [:]
        var whenTrue: [Int] = []
        var whenFalse: [Int] = []
        var ranges: [(NumericRange, Int)] = []
        var contains: [(String, Bool, Int)] = []
        var whenPresent: [Int] = []
        var whenMissing: [Int] = []
        func addValues(_ values: [RuleValue], _ number: Int, ignoreCase: Bool) {
            for value in Set(values) {
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
        let points = Dictionary(uniqueKeysWithValues: rules.map { ($0.0, $0.1.points) })
        func sum(_ numbers: [Int]) -> Double { numbers.reduce(0) { $0 + (points[$1] ?? 0) } }
        exactText = exactOrder.count <= Self.linearLimit ? exactOrder.map { ($0, exact[$0] ?? []) } : []
        exactTextIndex = exactOrder.count <= Self.linearLimit ? [:] : exact
        foldedText = folded
        self.numbers = numbers
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
        self.ranges = ranges
        self.contains = contains
        self.whenPresent = whenPresent
        self.whenMissing = whenMissing
        whenPresentPoints = sum(whenPresent)
        whenMissingPoints = sum(whenMissing)
        whenTruePoints = sum(whenTrue)
        whenFalsePoints = sum(whenFalse)
    }

    /// Calls `body` with the number of every rule that holds for `value` (the subject's value of
    /// one lead), in no particular order.
    @inline(__always)
    func forEachMatch(_ value: AttributeValue?, _ body: (Int) -> Void) {
        guard let value else {
            for number in whenMissing { body(number) }
            return
        }
        for number in whenPresent { body(number) }
        switch value {
        case .text(let text):
            if !exactText.isEmpty {
                for (candidate, numbers) in exactText where candidate == text {
                    for number in numbers { body(number) }
                }
            } else if let numbers = exactTextIndex[text] {
                for number in numbers { body(number) }
            }
            if !foldedText.isEmpty || contains.contains(where: { $0.1 }) {
                let lowered = text.lowercased()
                if let numbers = foldedText[lowered] {
                    for number in numbers { body(number) }
                }
                for (needle, ignoreCase, number) in contains where ignoreCase && lowered.contains(needle) {
                    body(number)
                }
            }
            for (needle, ignoreCase, number) in contains where !ignoreCase && text.contains(needle) {
                body(number)
            }
        case .number(let number):
            if let numbers = numbers[number] {
                for rule in numbers { body(rule) }
            }
            for (range, rule) in ranges where range.contains(number) { body(rule) }
        case .bool(let flag):
            for number in flag ? whenTrue : whenFalse { body(number) }
        case .date:
            break
        }
    }
}
