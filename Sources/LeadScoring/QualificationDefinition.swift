public import LeadModel

/// The qualification definition marketing and sales agreed on (SPEC §3, §4): a lead is qualified
/// when its total reaches `threshold` points, every criterion in `requires` holds, and its fit
/// grade is at least `minimumGrade` (when given). In the document:
///
/// ```yaml
/// qualification:
///   threshold: 60
///   requires: [validEmail, notDoNotContact]
///   minimumGrade: C
/// ```
public struct QualificationDefinition: Hashable, Sendable {
    /// The lowest total (points, inclusive) that qualifies.
    public var threshold: Double
    /// Criteria that must all hold, whatever the score.
    public var requires: [QualificationCriterion]
    /// The lowest fit grade that qualifies (`C` admits A, B and C); `nil`: any grade.
    public var minimumGrade: Grade?

    /// A qualification definition.
    public init(threshold: Double, requires: [QualificationCriterion] = [], minimumGrade: Grade? = nil) {
        self.threshold = threshold
        self.requires = requires
        self.minimumGrade = minimumGrade
    }

    /// ``isQualified(_:total:grade:)`` for the lead at `lead`, read in place (the batch scorer's
    /// form: passing the lead itself from a pointer copied it, a retain per field).
    @inline(__always)
    func isQualified(at lead: UnsafePointer<Lead>, total: Double, grade: Grade) -> Bool {
        guard total >= threshold else { return false }
        if let minimumGrade, grade < minimumGrade { return false }
        for criterion in requires where !criterion.isMet(at: lead) { return false }
        return true
    }

    /// Whether a lead with this total and grade qualifies.
    public func isQualified(_ lead: Lead, total: Double, grade: Grade) -> Bool {
        withUnsafePointer(to: lead) { isQualified(at: $0, total: total, grade: grade) }
    }
}

extension QualificationDefinition: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case threshold, requires, minimumGrade }

    /// Reads `{threshold, requires?, minimumGrade?}`.
    /// - Throws: `ScoringModelError` (`.unknownKey`) for any other key; `DecodingError` for an
    ///   unknown criterion or grade, or a wrong type.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        threshold = try container.decode(Double.self, forKey: .threshold)
        requires = try container.decodeIfPresent([QualificationCriterion].self, forKey: .requires) ?? []
        minimumGrade = try container.decodeIfPresent(Grade.self, forKey: .minimumGrade)
    }

    /// Writes the document shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(requires, forKey: .requires)
        try container.encodeIfPresent(minimumGrade, forKey: .minimumGrade)
    }
}
