public import LeadModel

extension FitRule {
    /// Whether the rule holds for `lead`, read the straightforward way: the subject's value
    /// (`Lead.value(of:)`) tested against the predicate, this rule alone. This is the definition of
    /// a rule's meaning; `LeadScorer` compiles all the rules of a model into lookup tables that
    /// must agree with it (the tests check both on every Leads.csv row).
    public func holds(for lead: Lead) -> Bool {
        holds(forValue: lead.value(of: subject))
    }

    /// Whether the rule holds for a subject's value (`nil`: missing).
    ///
    /// - `equals` / `in`: same kind and equal (text exactly, or after lower-casing both sides with
    ///   `ignoreCase`; numbers by `==`; flags).
    /// - `range`: a number inside the range (`min` inclusive, `max` exclusive).
    /// - `contains`: text containing the fragment (after lower-casing both with `ignoreCase`).
    /// - `exists` / `isMissing`: present / absent. A date is present but matches nothing else.
    public func holds(forValue value: AttributeValue?) -> Bool {
        switch predicate {
        case .isMissing:
            return value == nil
        case .exists:
            return value != nil
        case .equals(let literal):
            guard let value else { return false }
            return matches(literal, value)
        case .oneOf(let literals):
            guard let value else { return false }
            return literals.contains { matches($0, value) }
        case .range(let range):
            guard case .number(let number)? = value else { return false }
            return range.contains(number)
        case .contains(let needle):
            guard case .text(let text)? = value else { return false }
            return ignoreCase ? text.lowercased().contains(needle.lowercased()) : text.contains(needle)
        }
    }

    private func matches(_ literal: RuleValue, _ value: AttributeValue) -> Bool {
        switch (literal, value) {
        case (.text(let expected), .text(let text)):
            return ignoreCase ? expected.lowercased() == text.lowercased() : expected == text
        case (.number(let expected), .number(let number)):
            return expected == number
        case (.bool(let expected), .bool(let flag)):
            return expected == flag
        default:
            return false
        }
    }
}
