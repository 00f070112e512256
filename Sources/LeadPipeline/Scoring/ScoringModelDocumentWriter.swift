public import Foundation
public import LeadScoring

/// Writes a ``ScoringModel`` as JSON laid out like the shipped models in `models/`: top-level keys
/// in document order, one rule per line with its keys in reading order (`id`, `label`, subject,
/// predicate, `points`, then the rest), so that a calibrated model stays easy to read and edit
/// (issue 3: "an ordinary, readable points model"). ``ScoringModelLoader`` reads it back as is.
public enum ScoringModelDocumentWriter {
    /// The order keys are written in, within a rule or object; keys not listed follow, sorted.
    static let keyOrder = [
        "version", "name", "description", "id", "label", "field", "attribute", "eventType", "equals", "in", "range",
        "exists", "contains", "isMissing", "ignoreCase", "min", "max", "minValue", "maxValue", "maxAgeDays", "points",
        "cap", "halfLifeDays", "fitRules", "engagementRules", "totalCap", "gradeBands", "a", "b", "c", "qualification",
        "threshold", "requires", "minimumGrade",
    ]

    /// The document's UTF-8 bytes, ending in a line break.
    /// - Throws: `EncodingError` when a number is not finite (a validated model has none).
    public static func json(_ model: ScoringModel) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(model))
        guard let top = object as? [String: Any] else { return try encoder.encode(model) }
        var lines = ["{"]
        let keys = ordered(Array(top.keys))
        for (position, key) in keys.enumerated() {
            let comma = position == keys.count - 1 ? "" : ","
            let value = top[key] ?? NSNull()
            if let rules = value as? [Any], key == "fitRules" || key == "engagementRules" {
                guard !rules.isEmpty else {
                    lines.append("  \(try fragment(key)): []\(comma)")
                    continue
                }
                lines.append("  \(try fragment(key)): [")
                for (index, rule) in rules.enumerated() {
                    lines.append("    \(try inline(rule))\(index == rules.count - 1 ? "" : ",")")
                }
                lines.append("  ]\(comma)")
            } else {
                lines.append("  \(try fragment(key)): \(try inline(value))\(comma)")
            }
        }
        lines.append("}")
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    private static func ordered(_ keys: [String]) -> [String] {
        keys.sorted { lhs, rhs in
            let left = keyOrder.firstIndex(of: lhs) ?? Int.max
            let right = keyOrder.firstIndex(of: rhs) ?? Int.max
            return left != right ? left < right : lhs < rhs
        }
    }

    /// One value on one line: objects as `{ "k": v, … }` in key order, arrays as `[a, b]`.
    private static func inline(_ value: Any) throws -> String {
        if let object = value as? [String: Any] {
            let parts = try ordered(Array(object.keys)).map {
                "\(try fragment($0)): \(try inline(object[$0] ?? NSNull()))"
            }
            return parts.isEmpty ? "{}" : "{ " + parts.joined(separator: ", ") + " }"
        }
        if let array = value as? [Any] {
            return "[" + (try array.map(inline)).joined(separator: ", ") + "]"
        }
        return try fragment(value)
    }

    private static func fragment(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(
            withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
