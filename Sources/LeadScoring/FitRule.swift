/// A fit rule: "who the lead is" → points (SPEC §4). In the document:
///
/// ```yaml
/// - id: origin-lead-add-form
///   label: Signed up through the Lead Add Form
///   attribute: lead_origin
///   equals: Lead Add Form
///   points: 30
/// ```
///
/// The rule reads exactly one subject (`field:` or `attribute:`) and applies exactly one
/// predicate. Points may be negative (a "negative rule", SPEC §4).
public struct FitRule: Hashable, Sendable {
    /// Unique within the model; recorded on each contribution.
    public var id: String
    /// What the rep reads in the score's explanation.
    public var label: String
    /// The lead field or attribute the rule reads.
    public var subject: RuleSubject
    /// The test applied to the subject's value.
    public var predicate: FitPredicate
    /// Whether text comparisons in `equals`, `in` and `contains` ignore case (default `false`).
    public var ignoreCase: Bool
    /// Points given when the predicate holds; may be negative.
    public var points: Double

    /// A fit rule.
    public init(
        id: String, label: String, subject: RuleSubject, predicate: FitPredicate, ignoreCase: Bool = false,
        points: Double
    ) {
        self.id = id
        self.label = label
        self.subject = subject
        self.predicate = predicate
        self.ignoreCase = ignoreCase
        self.points = points
    }
}
