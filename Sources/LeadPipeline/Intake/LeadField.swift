/// A field of ``LeadModel/Lead`` that a CSV column can fill, by the name a mapping uses.
public enum LeadField: String, CaseIterable, Hashable, Sendable {
    case externalID, firstName, lastName, email, phone, company, title, country, city, source
    case doNotEmail, doNotCall, createdAt

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
