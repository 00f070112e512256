extension ScoringModel: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case version, name, description, fitRules, engagementRules, totalCap, gradeBands, qualification
    }

    /// Reads the document; `description`, `fitRules`, `engagementRules` and `totalCap` may be
    /// left out.
    /// - Throws: `ScoringModelError` for unknown keys and malformed rules (naming the key path);
    ///   `DecodingError` for missing keys or wrong types (`ScoringModelError.init?(_:)` renders
    ///   those with the key path too).
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        fitRules = try container.decodeIfPresent([FitRule].self, forKey: .fitRules) ?? []
        engagementRules = try container.decodeIfPresent([EngagementRule].self, forKey: .engagementRules) ?? []
        totalCap = try container.decodeIfPresent(Double.self, forKey: .totalCap)
        gradeBands = try container.decode(GradeBands.self, forKey: .gradeBands)
        qualification = try container.decode(QualificationDefinition.self, forKey: .qualification)
    }

    /// Writes the document in the key order above.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(fitRules, forKey: .fitRules)
        try container.encode(engagementRules, forKey: .engagementRules)
        try container.encodeIfPresent(totalCap, forKey: .totalCap)
        try container.encode(gradeBands, forKey: .gradeBands)
        try container.encode(qualification, forKey: .qualification)
    }
}
