/// A field of ``LeadModel/Lead`` that a CSV column can fill, by the name a mapping uses.
public enum LeadField: String, CaseIterable, Hashable, Sendable {
    /// `Lead.externalID`: the source's id (trimmed); the default dedupe key.
    case externalID
    /// `Lead.firstName`, as written.
    case firstName
    /// `Lead.lastName`, as written.
    case lastName
    /// `Lead.email`, wrapped in an `EmailAddress` (kept even when invalid, marked by `isValid`).
    case email
    /// `Lead.phone`, as written.
    case phone
    /// `Lead.company`, as written.
    case company
    /// `Lead.title` (job title), as written.
    case title
    /// `Lead.country`, as written.
    case country
    /// `Lead.city`, as written.
    case city
    /// `Lead.source` (where marketing got the lead), case-folded when the column says so.
    case source
    /// `Lead.doNotEmail`: a yes/no column; missing means `false`.
    case doNotEmail
    /// `Lead.doNotCall`: a yes/no column; missing means `false`.
    case doNotCall
    /// `Lead.createdAt`: a date column (UTC).
    case createdAt

    /// The value type the field holds: `bool` for the consent flags, `date` for `createdAt`,
    /// `text` for the rest (the email is text, wrapped in an `EmailAddress`).
    public var valueType: ValueType {
        switch self {
        case .doNotEmail, .doNotCall: return .bool
        case .createdAt: return .date
        default: return .text
        }
    }
}
