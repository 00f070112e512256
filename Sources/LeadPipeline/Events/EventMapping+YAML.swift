import Foundation
import Yams

extension EventMapping {
    /// Reads an events mapping from a YAML file.
    /// - Throws: ``IntakeError/unreadableMapping(path:reason:)`` for a missing, unreadable or
    ///   non-YAML file; the errors of ``init(yaml:path:)`` for its content.
    public static func load(path: String) throws(IntakeError) -> EventMapping {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadableMapping(path: path, reason: "file not found")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw .unreadableMapping(path: path, reason: "not readable as UTF-8 text") }
        return try EventMapping(yaml: text, path: path)
    }

    /// Parses an events mapping.
    /// - Throws: ``IntakeError/unreadableMapping(path:reason:)`` for invalid YAML;
    ///   ``IntakeError/unknownMappingKey(path:key:line:)`` for an unknown key;
    ///   ``IntakeError/invalidMappingValue(path:key:line:reason:)`` for a wrong value or a missing
    ///   `lead`, `type` or `timestamp`. Lines are 1-based.
    public init(yaml: String, path: String = "<events mapping>") throws(IntakeError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let reason = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
            throw .unreadableMapping(path: path, reason: "not valid YAML: \(reason)")
        }
        guard let root, let pairs = root.mapping else {
            throw .unreadableMapping(path: path, reason: "expected a YAML mapping with `lead`, `type` and `timestamp`")
        }
        func line(_ node: Node) -> Int { node.mark?.line ?? 0 }
        func invalid(_ key: String, _ node: Node, _ reason: String) -> IntakeError {
            .invalidMappingValue(path: path, key: key, line: line(node), reason: reason)
        }
        func scalar(_ node: Node, _ key: String) throws(IntakeError) -> String {
            guard let text = node.scalar?.string else { throw invalid(key, node, "expected a single value") }
            return text
        }
        /// A column given as `NAME` or `{column: NAME, …}`; returns the column and the other keys.
        /// The named choice a key's scalar spells (`nil` when the key is absent).
        func choice<Choice: RawRepresentable<String>>(
            _ node: Node?, _ key: String, as _: Choice.Type, expected: String
        ) throws(IntakeError) -> Choice? {
            guard let node else { return nil }
            let text = try scalar(node, key)
            guard let parsed = Choice(rawValue: text) else {
                throw invalid(key, node, "expected \(expected), found '\(text)'")
            }
            return parsed
        }
        func column(_ node: Node, _ key: String, allowed: Set<String>) throws(IntakeError) -> (String, [String: Node]) {
            if let text = node.scalar?.string { return (text, [:]) }
            guard let mapping = node.mapping else { throw invalid(key, node, "expected a column name or a mapping") }
            var name: String?
            var options: [String: Node] = [:]
            for (keyNode, value) in mapping {
                let option = keyNode.string ?? "?"
                if option == "column" {
                    name = try scalar(value, "\(key).column")
                } else if allowed.contains(option) {
                    options[option] = value
                } else {
                    throw IntakeError.unknownMappingKey(path: path, key: "\(key).\(option)", line: line(keyNode))
                }
            }
            guard let name, !name.isEmpty else { throw invalid(key, node, "needs `column: NAME`") }
            return (name, options)
        }
        var lead: (String, EventLeadMatch)?
        var type: (String, CaseFolding?)?
        var timestamp: (String, String?)?
        var valueColumn: String?
        var idColumn: String?
        var delimiter: CSVDelimiter?
        var encoding = CSVTextEncoding.utf8
        var missing: Set<String> = []
        for (keyNode, value) in pairs {
            let key = keyNode.string ?? "?"
            switch key {
            case "description":
                break
            case "lead":
                let (name, options) = try column(value, key, allowed: ["match"])
                let match = try choice(
                    options["match"], "lead.match", as: EventLeadMatch.self, expected: "default, externalID or email")
                lead = (name, match ?? .externalIDThenEmail)
            case "type":
                let (name, options) = try column(value, key, allowed: ["case"])
                let folding = try choice(
                    options["case"], "type.case", as: CaseFolding.self, expected: "lower, upper or title")
                type = (name, folding)
            case "timestamp":
                let (name, options) = try column(value, key, allowed: ["format"])
                var format: String?
                if let node = options["format"] {
                    let text = try scalar(node, "timestamp.format")
                    guard DatePattern(text) != nil else {
                        throw invalid(
                            "timestamp.format", node, "unsupported date format '\(text)' (use yyyy MM M dd d HH mm ss)")
                    }
                    format = text
                }
                timestamp = (name, format)
            case "value":
                valueColumn = try column(value, key, allowed: []).0
            case "id":
                idColumn = try column(value, key, allowed: []).0
            case "delimiter":
                let text = try scalar(value, key)
                guard let parsed = CSVDelimiter(mappingValue: text) else {
                    throw invalid(key, value, "expected `,`, `;` or `tab`, found '\(text)'")
                }
                delimiter = parsed
            case "encoding":
                let text = try scalar(value, key)
                guard let parsed = CSVTextEncoding(mappingValue: text) else {
                    throw invalid(key, value, "expected utf-8, windows-1252 or auto, found '\(text)'")
                }
                encoding = parsed
            case "missing":
                if let text = value.scalar?.string {
                    missing = [text]
                } else if let items = value.sequence {
                    var values: Set<String> = []
                    for item in items { values.insert(try scalar(item, key)) }
                    missing = values
                } else {
                    throw invalid(key, value, "expected a list of values")
                }
            default:
                throw IntakeError.unknownMappingKey(path: path, key: key, line: line(keyNode))
            }
        }
        guard let lead else { throw invalid("lead", root, "the column naming the lead is required") }
        guard let type else { throw invalid("type", root, "the event type column is required") }
        guard let timestamp else { throw invalid("timestamp", root, "the timestamp column is required") }
        self.init(
            path: path, delimiter: delimiter, encoding: encoding, missing: missing, leadColumn: lead.0,
            leadMatch: lead.1, typeColumn: type.0, typeCase: type.1, timestampColumn: timestamp.0,
            timestampFormat: timestamp.1, valueColumn: valueColumn, idColumn: idColumn)
    }
}
