/// Where a CSV column's value goes on the lead.
public enum ColumnTarget: Hashable, Sendable {
    /// A lead field (mapping: the field name, or `field: NAME`).
    case field(LeadField)
    /// A named attribute (mapping: `attribute: NAME`); kept in `Lead.postContactAttributes`
    /// instead of `Lead.attributes` when the column says `postContact: true`.
    case attribute(String)
}
