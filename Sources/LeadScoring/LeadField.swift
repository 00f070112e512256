/// A lead field (as opposed to an imported attribute) a fit rule may read, named in the document
/// as `field: source`.
///
/// Post-contact attributes are deliberately not in this list, and no rule can reach them
/// (SPEC §4: the score uses only what is known before sales talks to the lead).
public enum LeadField: String, CaseIterable, Codable, Sendable {
    /// Where marketing got the lead (text, case-folded by the mapping when asked).
    case source
    /// Country (text).
    case country
    /// City (text).
    case city
    /// The email address as written (text).
    case email
    /// The part of the email address after `@`, lower-cased (text).
    case emailDomain
    /// Whether the email address is well-formed (`EmailAddress.isValid`), a flag; absent when
    /// the lead has no email.
    case emailValid
    /// Job title (text).
    case title
    /// Company name (text).
    case company
    /// First name (text).
    case firstName
    /// Last name (text).
    case lastName
    /// Phone number as written (text).
    case phone
    /// The do-not-email consent flag (always present).
    case doNotEmail
    /// The do-not-call consent flag (always present).
    case doNotCall
}
