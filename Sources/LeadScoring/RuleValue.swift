/// A literal in a scoring-model rule (`equals: "Lead Add Form"`, `in: [India, Nepal]`,
/// `equals: true`, `equals: 3`), written in the document as a bare JSON/YAML scalar.
///
/// A rule value matches a lead's value only when both have the same kind: text matches text,
/// a number matches a number (exact equality), a flag matches a flag. In YAML, quote text that
/// would read as a flag or a number (`"Yes"`, `"No"`, `"2018"`), since YAML 1.1 reads `Yes` as true.
public enum RuleValue: Hashable, Sendable {
    /// Text, compared exactly unless the rule says `ignoreCase: true`.
    case text(String)
    /// A number, in the attribute's own unit (the mapping documents it).
    case number(Double)
    /// A yes/no flag.
    case bool(Bool)
}

extension RuleValue: Codable {
    /// Reads a bare scalar: a boolean first, then a number, then text.
    /// - Throws: `DecodingError.typeMismatch` when the value is not a scalar.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            throw DecodingError.typeMismatch(
                RuleValue.self,
                .init(codingPath: decoder.codingPath, debugDescription: "expected text, a number or true/false"))
        }
    }

    /// Writes the bare scalar.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        }
    }
}

extension RuleValue: CustomStringConvertible {
    /// The value as a person reads it (numbers without a needless `.0`, `yes`/`no`).
    public var description: String {
        switch self {
        case .text(let text): return text
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .bool(let flag): return flag ? "yes" : "no"
        }
    }
}
