import Foundation
import Yams

extension ImportMapping {
    /// Reads a mapping document from a YAML file.
    /// - Throws: ``IntakeError/unreadableMapping(path:reason:)`` when the file is missing, not
    ///   UTF-8 or not YAML; the errors of ``init(yaml:path:)`` for its content.
    public static func load(path: String) throws(IntakeError) -> ImportMapping {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadableMapping(path: path, reason: "file not found")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableMapping(path: path, reason: "not readable as UTF-8 text")
        }
        return try ImportMapping(yaml: text, path: path)
    }

    /// Parses a mapping document.
    ///
    /// - Parameters:
    ///   - yaml: the document's text.
    ///   - path: where it came from, named in errors (and the base for nothing else).
    /// - Throws: ``IntakeError/unreadableMapping(path:reason:)`` for invalid YAML or a top level
    ///   that is not a mapping; ``IntakeError/unknownMappingKey(path:key:line:)`` for a key the
    ///   intake does not know; ``IntakeError/unknownField(path:field:line:)`` for an unknown lead
    ///   field; ``IntakeError/invalidMappingValue(path:key:line:reason:)`` for a value of the wrong
    ///   shape. Lines are 1-based lines of the document.
    public init(yaml: String, path: String = "<mapping>") throws(IntakeError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let reason = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
            throw .unreadableMapping(path: path, reason: "not valid YAML: \(reason)")
        }
        guard let root, root.mapping != nil else {
            throw .unreadableMapping(path: path, reason: "expected a YAML mapping with a `columns` key")
        }
        self = try ImportMappingParser(path: path).parse(root)
    }
}
