public import LeadScoring

/// Why a scoring-model file cannot be used (issue 3 "Bad input"). Every case's ``description`` is
/// one line naming the file, and for content problems the key path and, when known, the line:
/// `models/x.yaml:12: fitRules[3].points: must be a finite number`.
public enum ScoringModelLoadError: Error, Hashable, Sendable {
    /// The file does not exist. Carries the path.
    case fileNotFound(path: String)
    /// The file exists but is not readable UTF-8 text. Carries the path.
    case unreadable(path: String)
    /// The text is not JSON or YAML (or its top level is not a mapping). Carries the parser's
    /// reason, flattened to one line, and the line when the parser gave one.
    case syntax(path: String, line: Int?, reason: String)
    /// The document parsed but breaks the model schema or its rules (unknown key, unknown field,
    /// wrong type, negative half-life, unreachable threshold, …). Carries the 1-based line of the
    /// offending key when it could be found.
    case invalid(path: String, line: Int?, error: ScoringModelError)

    /// The key path of a content problem (`fitRules[3].points`), `nil` for file problems.
    public var keyPath: String? {
        if case .invalid(_, _, let error) = self { return error.keyPath }
        return nil
    }
}

extension ScoringModelLoadError: CustomStringConvertible {
    /// One line: `PATH[:LINE]: what`.
    public var description: String {
        func place(_ path: String, _ line: Int?) -> String { line.map { "\(path):\($0)" } ?? path }
        switch self {
        case .fileNotFound(let path): return "\(path): model file not found"
        case .unreadable(let path): return "\(path): model file is not readable as UTF-8 text"
        case .syntax(let path, let line, let reason): return "\(place(path, line)): not valid JSON or YAML: \(reason)"
        case .invalid(let path, let line, let error): return "\(place(path, line)): \(error)"
        }
    }
}
