import LeadModel

extension RuleValue {
    /// The rule literal equal to an attribute value; `nil` for dates (not a feature).
    init?(attribute: AttributeValue) {
        switch attribute {
        case .text(let text): self = .text(text)
        case .number(let number): self = .number(number)
        case .bool(let flag): self = .bool(flag)
        case .date: return nil
        }
    }

    /// A total order for stable output: flags, then numbers, then text.
    static func ordered(_ lhs: RuleValue, _ rhs: RuleValue) -> Bool {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return !a && b
        case (.number(let a), .number(let b)): return a < b
        case (.text(let a), .text(let b)): return a < b
        case (.bool, _): return true
        case (.number, .text): return true
        default: return false
        }
    }

    // Validation helpers.
    var isText: Bool {
        if case .text = self { return true }
        return false
    }

    var isFinite: Bool {
        if case .number(let number) = self { return number.isFinite }
        return true
    }
}
