import Foundation
public import LeadScoring
import Yams

/// Reads a scoring-model document (SPEC §4; the shipped ones are in `models/`) from JSON or YAML
/// into a validated ``ScoringModel``.
///
/// JSON (a file ending `.json`, or text starting with `{`) is decoded with `JSONDecoder`, YAML with
/// Yams' `YAMLDecoder`; both are composed with Yams first, so that an error's key path can be
/// turned into the line of the offending key. The model is then `validate()`d, so a negative
/// half-life or a threshold no lead can reach is refused here, before anything is saved.
public enum ScoringModelLoader {
    /// Reads and validates the model file at `path`.
    /// - Throws: ``ScoringModelLoadError``: `fileNotFound`, `unreadable`, `syntax`, or `invalid`
    ///   naming the key path (and line) of the first problem.
    public static func load(path: String) throws(ScoringModelLoadError) -> ScoringModel {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw .unreadable(path: path) }
        return try parse(text, path: path)
    }

    /// Parses and validates a model document.
    /// - Parameters:
    ///   - text: the document (JSON or YAML).
    ///   - path: where it came from, named in errors; a `.json` ending selects the JSON decoder.
    /// - Throws: ``ScoringModelLoadError`` `syntax` or `invalid`.
    public static func parse(_ text: String, path: String = "<model>") throws(ScoringModelLoadError) -> ScoringModel {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text), composed.mapping != nil else {
                throw ScoringModelLoadError.syntax(path: path, line: nil, reason: "expected an object of model keys")
            }
            root = composed
        } catch let error as ScoringModelLoadError {
            throw error
        } catch {
            throw .syntax(path: path, line: syntaxLine(error), reason: oneLine(error))
        }
        let isJSON = path.lowercased().hasSuffix(".json") || text.drop(while: \.isWhitespace).first == "{"
        let model: ScoringModel
        do {
            if isJSON {
                model = try JSONDecoder().decode(ScoringModel.self, from: Data(text.utf8))
            } else {
                model = try YAMLDecoder().decode(ScoringModel.self, from: root)
            }
        } catch {
            guard let modelError = ScoringModelError(error) else {
                throw .syntax(path: path, line: syntaxLine(error), reason: oneLine(error))
            }
            throw .invalid(path: path, line: line(of: modelError.keyPath, in: root), error: modelError)
        }
        if let problem = model.validationProblems().first {
            throw .invalid(path: path, line: line(of: problem.keyPath, in: root), error: problem)
        }
        return model
    }

    /// The 1-based line of the key at `keyPath` (`fitRules[3].points`) in `root`, or of the
    /// deepest part of it that exists; `nil` when not even the first part does.
    static func line(of keyPath: String, in root: Node) -> Int? {
        var node = root
        var found: Int?
        for part in components(of: keyPath) {
            switch part {
            case .key(let name):
                guard let pair = node.mapping?.first(where: { $0.key.string == name }) else { return found }
                found = pair.key.mark?.line ?? found
                node = pair.value
            case .index(let index):
                guard let items = node.sequence, index < items.count else { return found }
                node = items[index]
                found = node.mark?.line ?? found
            }
        }
        return found
    }

    private enum PathComponent {
        case key(String)
        case index(Int)
    }

    private static func components(of keyPath: String) -> [PathComponent] {
        var result: [PathComponent] = []
        for segment in keyPath.split(separator: ".") {
            var rest = Substring(segment)
            if let bracket = rest.firstIndex(of: "[") {
                if bracket > rest.startIndex { result.append(.key(String(rest[..<bracket]))) }
                rest = rest[bracket...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                        result.append(.index(index))
                    }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                result.append(.key(String(rest)))
            }
        }
        return result
    }

    private static func syntaxLine(_ error: any Error) -> Int? {
        if case .scanner(_, _, let mark, _)? = error as? YamlError { return mark.line }
        if case .parser(_, _, let mark, _)? = error as? YamlError { return mark.line }
        if case .composer(_, _, let mark, _)? = error as? YamlError { return mark.line }
        return nil
    }

    private static func oneLine(_ error: any Error) -> String {
        switch error as? YamlError {
        case .scanner(_, let problem, _, _)?, .parser(_, let problem, _, _)?, .composer(_, let problem, _, _)?:
            return problem
        default:
            break
        }
        if let decoding = error as? DecodingError, case .dataCorrupted(let context) = decoding {
            return context.debugDescription
        }
        return String(describing: error).split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        .joined(separator: " ")
    }
}
