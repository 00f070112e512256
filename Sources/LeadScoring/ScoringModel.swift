/// The scoring-model document marketing edits (SPEC §4): versioned fit and engagement rules, an
/// overall cap, grade bands and the qualification definition. JSON or YAML; this type is the
/// shape both decode into (decoding happens in the pipeline; the shipped models are in `models/`).
///
/// ```yaml
/// version: 3
/// name: X Education default
/// description: Hand-written from the data dictionary.
/// fitRules: [...]          # FitRule
/// engagementRules: [...]   # EngagementRule
/// totalCap: 100            # points; optional
/// gradeBands: {a: 50, b: 30, c: 10}
/// qualification: {threshold: 40, requires: [notDoNotEmail], minimumGrade: C}
/// ```
///
/// Call `validate()` (or build a `LeadScorer`, which does) before using a model.
public struct ScoringModel: Hashable, Sendable {
    /// The model version recorded on every score (1 or more; the store assigns the next one when
    /// a model is set).
    public var version: Int
    /// A short name people use for it.
    public var name: String
    /// What it is for and what it assumes (attribute names of the mapping, sources of rules).
    public var description: String
    /// Who the lead is → points.
    public var fitRules: [FitRule]
    /// What the lead did → points, decayed and capped per rule.
    public var engagementRules: [EngagementRule]
    /// The highest total (points) a lead can have; `nil`: no cap.
    public var totalCap: Double?
    /// Fit bands for grades A–D.
    public var gradeBands: GradeBands
    /// The qualification definition (threshold plus required criteria).
    public var qualification: QualificationDefinition

    /// A model.
    public init(
        version: Int, name: String, description: String = "", fitRules: [FitRule] = [],
        engagementRules: [EngagementRule] = [], totalCap: Double? = nil, gradeBands: GradeBands,
        qualification: QualificationDefinition
    ) {
        self.version = version
        self.name = name
        self.description = description
        self.fitRules = fitRules
        self.engagementRules = engagementRules
        self.totalCap = totalCap
        self.gradeBands = gradeBands
        self.qualification = qualification
    }
}
