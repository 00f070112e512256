public import LeadModel

/// A required criterion of the qualification definition (SPEC §4: "has a valid email",
/// "not doNotContact"), written in the document's `requires` list by its raw value.
public enum QualificationCriterion: String, CaseIterable, Codable, Sendable {
    /// The lead has an email address and `EmailAddress.isValid` holds.
    case validEmail
    /// Not both `doNotEmail` and `doNotCall` (`Lead.doNotContact` is false).
    case notDoNotContact
    /// `doNotEmail` is false.
    case notDoNotEmail
    /// `doNotCall` is false.
    case notDoNotCall

    /// ``isMet(by:)`` for the lead at `lead`, each field read in place.
    @inline(__always)
    func isMet(at lead: UnsafePointer<Lead>) -> Bool {
        switch self {
        case .validEmail: return lead.pointee.email?.isValid ?? false
        case .notDoNotContact: return !lead.pointee.doNotContact
        case .notDoNotEmail: return !lead.pointee.doNotEmail
        case .notDoNotCall: return !lead.pointee.doNotCall
        }
    }

    /// Whether `lead` meets the criterion.
    public func isMet(by lead: Lead) -> Bool {
        withUnsafePointer(to: lead) { isMet(at: $0) }
    }
}
