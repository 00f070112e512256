/// What is wrong with a scoring-model document, and where: `keyPath` names the offending key the
/// way the document spells it (`fitRules[3].points`, `qualification.threshold`), so the CLI and
/// the API can point a marketer at the line (SPEC §8).
///
/// Thrown by `ScoringModel.validate()`, by `LeadScorer.init(model:)`, and while decoding a model
/// (unknown keys, unknown fields, missing or conflicting predicates).
public struct ScoringModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of problem.
    public enum Reason: Hashable, Sendable {
        /// A key the schema does not know (a typo such as `pionts`).
        case unknownKey(String)
        /// `field:` names no `LeadField`.
        case unknownField(String)
        /// A fit rule with neither `field` nor `attribute`, or with both.
        case subjectRequired
        /// A fit rule with no predicate key.
        case predicateRequired
        /// A fit rule with more than one predicate key (listed).
        case conflictingPredicates([String])
        /// `exists: false` / `isMissing: false` (write the other predicate instead).
        case predicateMustBeTrue(String)
        /// An empty `in` list, `contains` text, id, label or event type.
        case empty
        /// `ignoreCase` on a predicate that compares no text.
        case ignoreCaseNeedsText
        /// Two rules with the same id (the id of the first one is given).
        case duplicateRuleID(String)
        /// A number that is NaN or infinite.
        case notFinite
        /// A range with no bound, or with `min >= max`.
        case emptyRange
        /// A half-life of zero or less (days).
        case nonPositiveHalfLife
        /// A cap or age limit below zero.
        case negative
        /// Grade bands not strictly descending (`a > b > c`).
        case gradeBandsOutOfOrder
        /// A qualification threshold above the highest total any lead can reach.
        case unreachableThreshold(maximum: Double)
        /// A minimum grade whose band is above the highest fit any lead can reach.
        case unreachableGrade(maximumFit: Double)
        /// A version below 1.
        case invalidVersion
        /// A value of the wrong type or shape while decoding (the decoder's words).
        case malformed(String)
    }

    /// Where, in document spelling (`fitRules[3].points`); empty for the document itself.
    public var keyPath: String
    /// What.
    public var reason: Reason

    /// An error at `keyPath`.
    public init(keyPath: String, reason: Reason) {
        self.keyPath = keyPath
        self.reason = reason
    }

    /// Turns a decoder's error into one naming the key path, so a wrong type (`points: "ten"`)
    /// reads like every other model error. Returns `nil` for errors that are not `DecodingError`
    /// or `ScoringModelError`.
    public init?(_ error: any Error) {
        if let error = error as? ScoringModelError {
            self = error
            return
        }
        guard let decoding = error as? DecodingError else { return nil }
        switch decoding {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            self.init(
                keyPath: ScoringModelError.render(context.codingPath), reason: .malformed(context.debugDescription))
        case .keyNotFound(let key, let context):
            self.init(
                keyPath: ScoringModelError.render(context.codingPath + [key]),
                reason: .malformed("required key '\(key.stringValue)' is missing"))
        @unknown default:
            return nil
        }
    }

    /// `fitRules[3].points: points must be a finite number`.
    public var description: String {
        let place = keyPath.isEmpty ? "model" : keyPath
        return "\(place): \(message)"
    }

    private var message: String {
        switch reason {
        case .unknownKey(let key): return "unknown key '\(key)'"
        case .unknownField(let name):
            return "unknown field '\(name)' (known: \(LeadField.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .subjectRequired: return "a rule reads exactly one of 'field' or 'attribute'"
        case .predicateRequired:
            return "a rule needs one of equals, in, range, exists, contains, isMissing"
        case .conflictingPredicates(let keys):
            return "only one predicate per rule, found \(keys.joined(separator: ", "))"
        case .predicateMustBeTrue(let key): return "'\(key)' can only be true"
        case .empty: return "must not be empty"
        case .ignoreCaseNeedsText: return "ignoreCase applies only to text in equals, in or contains"
        case .duplicateRuleID(let id): return "duplicate rule id '\(id)'"
        case .notFinite: return "must be a finite number"
        case .emptyRange: return "a range needs min or max, and min < max (min inclusive, max exclusive)"
        case .nonPositiveHalfLife: return "half-life must be more than 0 days"
        case .negative: return "must not be negative"
        case .gradeBandsOutOfOrder: return "grade bands must descend: a > b > c"
        case .unreachableThreshold(let maximum):
            return "no lead can reach this threshold (highest possible total \(maximum))"
        case .unreachableGrade(let maximumFit):
            return "no lead can reach this grade (highest possible fit \(maximumFit))"
        case .invalidVersion: return "version must be 1 or more"
        case .malformed(let text): return text
        }
    }

    /// Renders a coding path in document spelling: `fitRules[3].points`.
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
