import Yams

/// Turns a composed YAML document into an ``ImportMapping``, naming the key and its line in
/// every error (from Yams' node marks).
struct ImportMappingParser {
    let path: String

    private static let outcomeKeys: Set<String> = ["column", "won", "file", "join", "keep"]

    func parse(_ root: Node) throws(IntakeError) -> ImportMapping {
        var mapping = ImportMapping(path: path, columns: [])
        var sawColumns = false
        for (keyNode, value) in try pairs(of: root, key: "mapping") {
            let key = try name(of: keyNode)
            switch key {
            case "description":
                break
            case "delimiter":
                let text = try scalar(value, key: key)
                guard let delimiter = CSVDelimiter(mappingValue: text) else {
                    throw invalid(key, value, "expected `,`, `;` or `tab`, found '\(text)'")
                }
                mapping.delimiter = delimiter
            case "encoding":
                let text = try scalar(value, key: key)
                guard let encoding = CSVTextEncoding(mappingValue: text) else {
                    throw invalid(key, value, "expected utf-8, windows-1252 or auto, found '\(text)'")
                }
                mapping.encoding = encoding
            case "missing":
                mapping.missing = Set(try scalars(value, key: key))
            case "key":
                mapping.key = try keyRule(value)
            case "columns":
                mapping.columns = try columns(value)
                sawColumns = true
            case "outcome":
                mapping.outcome = try outcomeRule(value)
            case "maxFieldBytes":
                let text = try scalar(value, key: key)
                guard let bytes = Int(text), bytes > 0 else {
                    throw invalid(key, value, "expected a positive number of bytes, found '\(text)'")
                }
                mapping.maxFieldBytes = bytes
            default:
                throw IntakeError.unknownMappingKey(path: path, key: key, line: line(keyNode))
            }
        }
        guard sawColumns, !mapping.columns.isEmpty else {
            throw .invalidMappingValue(path: path, key: "columns", line: line(root), reason: "no columns mapped")
        }
        return mapping
    }

    // MARK: columns

    private func columns(_ node: Node) throws(IntakeError) -> [ColumnMapping] {
        var result: [ColumnMapping] = []
        var seen = Set<String>()
        if node.mapping != nil {
            for (keyNode, value) in try pairs(of: node, key: "columns") {
                let column = try name(of: keyNode)
                guard seen.insert(column).inserted else {
                    throw invalid("columns", keyNode, "column '\(column)' mapped twice")
                }
                result.append(try columnMapping(column: column, value))
            }
        } else if let items = node.sequence {
            for item in items {
                guard let columnNode = item.mapping?["column"], let column = columnNode.scalar?.string else {
                    throw invalid("columns", item, "each list item needs `column: NAME`")
                }
                // The list form may map one column to two targets (Olist's first_contact_date is
                // both createdAt and a date attribute for scoring); the same target twice is an error.
                let mapped = try columnMapping(column: column, item)
                guard !result.contains(where: { $0.column == column && $0.target == mapped.target }) else {
                    throw invalid("columns", item, "column '\(column)' mapped twice to the same target")
                }
                result.append(mapped)
            }
        } else {
            throw invalid("columns", node, "expected a mapping of column name to target, or a list")
        }
        return result
    }

    private func columnMapping(column: String, _ node: Node) throws(IntakeError) -> ColumnMapping {
        if let fieldName = node.scalar?.string {
            return ColumnMapping(column: column, target: .field(try field(fieldName, at: node)))
        }
        var target: ColumnTarget?
        var type: ValueType?
        var typeNode: Node?
        var missing: Set<String> = []
        var folding: CaseFolding?
        var yes = ColumnMapping.defaultYesValues
        var no = ColumnMapping.defaultNoValues
        var format: String?
        var postContact = false
        var optional = false
        for (keyNode, value) in try pairs(of: node, key: column) {
            let key = try name(of: keyNode)
            switch key {
            case "column":
                break
            case "field", "attribute":
                guard target == nil else {
                    throw invalid(key, keyNode, "column '\(column)' has both `field` and `attribute`")
                }
                let text = try scalar(value, key: key)
                if key == "field" {
                    target = .field(try field(text, at: value))
                } else {
                    guard !text.isEmpty else { throw invalid(key, value, "attribute name is empty") }
                    target = .attribute(text)
                }
            case "type":
                let text = try scalar(value, key: key)
                guard let parsed = ValueType(rawValue: text) else {
                    throw invalid(key, value, "expected text, number, bool or date, found '\(text)'")
                }
                type = parsed
                typeNode = value
            case "missing":
                missing = Set(try scalars(value, key: key))
            case "case":
                let text = try scalar(value, key: key)
                guard let parsed = CaseFolding(rawValue: text) else {
                    throw invalid(key, value, "expected lower, upper or title, found '\(text)'")
                }
                folding = parsed
            case "yes":
                yes = Set(try scalars(value, key: key))
            case "no":
                no = Set(try scalars(value, key: key))
            case "format":
                format = try scalar(value, key: key)
                if let format, DatePattern(format) == nil {
                    throw invalid(key, value, "unsupported date format '\(format)' (use yyyy MM M dd d HH mm ss)")
                }
            case "postContact":
                postContact = try flag(value, key: key)
            case "optional":
                optional = try flag(value, key: key)
            default:
                throw IntakeError.unknownMappingKey(path: path, key: key, line: line(keyNode))
            }
        }
        guard let target else {
            throw invalid(column, node, "needs `field: NAME` or `attribute: NAME`")
        }
        if case .field(let field) = target {
            if let type, type != field.valueType, let typeNode {
                throw invalid("type", typeNode, "field \(field.rawValue) is \(field.valueType.rawValue)")
            }
            if postContact {
                throw invalid("postContact", node, "applies to attributes only, not field \(field.rawValue)")
            }
        }
        return ColumnMapping(
            column: column, target: target, type: type, missing: missing, caseFolding: folding, yesValues: yes,
            noValues: no, dateFormat: format, postContact: postContact, optional: optional)
    }

    private func field(_ text: String, at node: Node) throws(IntakeError) -> LeadField {
        guard let field = LeadField(rawValue: text) else {
            throw IntakeError.unknownField(path: path, field: text, line: line(node))
        }
        return field
    }

    // MARK: key and outcome

    private func keyRule(_ node: Node) throws(IntakeError) -> DedupeKeyRule {
        if node.sequence != nil {
            let columns = try scalars(node, key: "key")
            guard !columns.isEmpty else { throw invalid("key", node, "the list of key columns is empty") }
            return .columns(columns)
        }
        switch try scalar(node, key: "key") {
        case "default": return .externalIDThenEmail
        case "externalID": return .externalID
        case "email": return .email
        case "row": return .rowNumber
        case let other:
            throw invalid(
                "key", node, "expected default, externalID, email, row or a list of columns, found '\(other)'")
        }
    }

    private func outcomeRule(_ node: Node) throws(IntakeError) -> OutcomeRule {
        var values: [String: Node] = [:]
        for (keyNode, value) in try pairs(of: node, key: "outcome") {
            let key = try name(of: keyNode)
            guard Self.outcomeKeys.contains(key) else {
                throw IntakeError.unknownMappingKey(path: path, key: "outcome.\(key)", line: line(keyNode))
            }
            values[key] = value
        }
        if let fileNode = values["file"] {
            guard let joinNode = values["join"] else {
                throw invalid("outcome", node, "a join file needs `join: COLUMN`")
            }
            let join = try scalar(joinNode, key: "join")
            let column = try values["column"].map { (node) throws(IntakeError) in try scalar(node, key: "column") }
            let keep = try values["keep"].map { (node) throws(IntakeError) in try scalars(node, key: "keep") } ?? []
            if let wonNode = values["won"] {
                throw invalid("won", wonNode, "not used with a join file (a listed lead is won)")
            }
            return .joinFile(
                file: try scalar(fileNode, key: "file"), join: join, column: column ?? join, keep: keep)
        }
        guard let columnNode = values["column"], let wonNode = values["won"] else {
            throw invalid("outcome", node, "needs `column` and `won`, or `file` and `join`")
        }
        if let keepNode = values["keep"] { throw invalid("keep", keepNode, "only used with a join file") }
        return .labelColumn(column: try scalar(columnNode, key: "column"), won: Set(try scalars(wonNode, key: "won")))
    }

    // MARK: node helpers

    private func pairs(of node: Node, key: String) throws(IntakeError) -> [(Node, Node)] {
        guard let mapping = node.mapping else { throw invalid(key, node, "expected a mapping") }
        return mapping.map { ($0.key, $0.value) }
    }

    private func name(of node: Node) throws(IntakeError) -> String {
        guard let text = node.scalar?.string else { throw invalid("?", node, "a key must be plain text") }
        return text
    }

    private func scalar(_ node: Node, key: String) throws(IntakeError) -> String {
        guard let text = node.scalar?.string else { throw invalid(key, node, "expected a single value") }
        return text
    }

    /// A list of scalars, or one scalar taken as a list of one.
    private func scalars(_ node: Node, key: String) throws(IntakeError) -> [String] {
        if let text = node.scalar?.string { return [text] }
        guard let items = node.sequence else { throw invalid(key, node, "expected a list of values") }
        var result: [String] = []
        for item in items {
            guard let text = item.scalar?.string else { throw invalid(key, item, "expected plain values in the list") }
            result.append(text)
        }
        return result
    }

    private func flag(_ node: Node, key: String) throws(IntakeError) -> Bool {
        switch try scalar(node, key: key).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        case let other: throw invalid(key, node, "expected true or false, found '\(other)'")
        }
    }

    private func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    private func invalid(_ key: String, _ node: Node, _ reason: String) -> IntakeError {
        .invalidMappingValue(path: path, key: key, line: line(node), reason: reason)
    }
}
