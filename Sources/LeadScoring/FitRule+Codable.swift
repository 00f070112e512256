extension FitRule: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, label, field, attribute, equals
        case oneOf = "in"
        case range, exists, contains, isMissing, ignoreCase, points
    }

    /// Reads the flat document shape (`id`, `label`, `field`|`attribute`, one predicate key,
    /// optional `ignoreCase`, `points`).
    /// - Throws: `ScoringModelError` for an unknown key, an unknown field, no or two subjects, no
    ///   or two predicates, or `exists`/`isMissing: false`; `DecodingError` for a wrong type.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let path = decoder.keyPath
        id = try container.decode(String.self, forKey: .id)
        label = try container.decode(String.self, forKey: .label)
        points = try container.decode(Double.self, forKey: .points)
        ignoreCase = try container.decodeIfPresent(Bool.self, forKey: .ignoreCase) ?? false

        let field = try container.decodeIfPresent(String.self, forKey: .field)
        let attribute = try container.decodeIfPresent(String.self, forKey: .attribute)
        switch (field, attribute) {
        case (let name?, nil):
            guard let known = LeadField(rawValue: name) else {
                throw ScoringModelError(keyPath: path + ".field", reason: .unknownField(name))
            }
            subject = .field(known)
        case (nil, let name?):
            subject = .attribute(name)
        default:
            throw ScoringModelError(keyPath: path, reason: .subjectRequired)
        }

        var found: [FitPredicate] = []
        if let value = try container.decodeIfPresent(RuleValue.self, forKey: .equals) { found.append(.equals(value)) }
        if let values = try container.decodeIfPresent([RuleValue].self, forKey: .oneOf) {
            found.append(.oneOf(values))
        }
        if let range = try container.decodeIfPresent(NumericRange.self, forKey: .range) { found.append(.range(range)) }
        if let flag = try container.decodeIfPresent(Bool.self, forKey: .exists) {
            guard flag else {
                throw ScoringModelError(keyPath: path + ".exists", reason: .predicateMustBeTrue("exists"))
            }
            found.append(.exists)
        }
        if let text = try container.decodeIfPresent(String.self, forKey: .contains) { found.append(.contains(text)) }
        if let flag = try container.decodeIfPresent(Bool.self, forKey: .isMissing) {
            guard flag else {
                throw ScoringModelError(keyPath: path + ".isMissing", reason: .predicateMustBeTrue("isMissing"))
            }
            found.append(.isMissing)
        }
        guard let first = found.first else { throw ScoringModelError(keyPath: path, reason: .predicateRequired) }
        guard found.count == 1 else {
            throw ScoringModelError(keyPath: path, reason: .conflictingPredicates(found.map(\.key)))
        }
        predicate = first
    }

    /// Writes the flat document shape; `ignoreCase` only when true.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(label, forKey: .label)
        switch subject {
        case .field(let field): try container.encode(field.rawValue, forKey: .field)
        case .attribute(let name): try container.encode(name, forKey: .attribute)
        }
        switch predicate {
        case .equals(let value): try container.encode(value, forKey: .equals)
        case .oneOf(let values): try container.encode(values, forKey: .oneOf)
        case .range(let range): try container.encode(range, forKey: .range)
        case .exists: try container.encode(true, forKey: .exists)
        case .contains(let text): try container.encode(text, forKey: .contains)
        case .isMissing: try container.encode(true, forKey: .isMissing)
        }
        if ignoreCase { try container.encode(true, forKey: .ignoreCase) }
        try container.encode(points, forKey: .points)
    }
}
