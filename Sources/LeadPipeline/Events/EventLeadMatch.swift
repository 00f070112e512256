/// How an events file's lead column finds its lead (events mapping key `lead.match`).
public enum EventLeadMatch: String, CaseIterable, Hashable, Sendable {
    /// The lead's external id (`Prospect ID`, `mql_id`), else its normalised email (`default`).
    case externalIDThenEmail = "default"
    /// The lead's external id only.
    case externalID
    /// The lead's email, compared normalised (trimmed, lower-cased).
    case email
}
