/// What a fit rule (or a calibration feature) reads from a lead: a lead field or an imported
/// attribute. Written in the document as `field: country` or `attribute: lead_origin`.
///
/// Attributes are read from `Lead.attributes` only, never from `Lead.postContactAttributes`.
public enum RuleSubject: Hashable, Sendable, Comparable {
    /// A lead field.
    case field(LeadField)
    /// An imported attribute, by the name the mapping gave it (`total_time_spent_on_website`).
    case attribute(String)

    /// The document's spelling: `field.source` or `attribute.lead_origin`; used in labels and
    /// rule ids the calibration writes.
    public var path: String {
        switch self {
        case .field(let field): return "field.\(field.rawValue)"
        case .attribute(let name): return "attribute.\(name)"
        }
    }

    /// The bare name (`source`, `lead_origin`), as a person reads it.
    public var name: String {
        switch self {
        case .field(let field): return field.rawValue
        case .attribute(let name): return name
        }
    }

    /// Orders fields before attributes, then by name (a stable order for features and output).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.path < rhs.path }
}
