public import Foundation

/// A person at a company who may buy (SPEC §3), as the server keeps it.
public struct Lead: Hashable, Codable, Sendable, Identifiable {
    /// Server-assigned identity.
    public var id: LeadID
    /// The source's or the CRM's id (`Prospect ID`, `mql_id`, …), when the source has one.
    public var externalID: String?
    /// Contact fields.
    public var firstName: String?
    /// Family name.
    public var lastName: String?
    /// Email as imported (validity is checked, not enforced).
    public var email: EmailAddress?
    /// Phone number as imported.
    public var phone: String?
    /// Company fields.
    public var company: String?
    /// Job title.
    public var title: String?
    /// Country, as the source writes it.
    public var country: String?
    /// City, as the source writes it.
    public var city: String?
    /// Where marketing got the lead (case-folded by the mapping when asked, so `Google` and
    /// `google` are one source).
    public var source: String?
    /// Consent flags; `true` means the lead must not be contacted that way.
    public var doNotEmail: Bool
    /// `true` when the lead must not be phoned.
    public var doNotCall: Bool
    /// When the lead was created in the source system, when it says.
    public var createdAt: Date?
    /// Where the lead stands in the hand-off.
    public var stage: LifecycleStage
    /// Imported values the scoring model may read, by attribute name (slots of a key table
    /// shared with the other leads of the same import or store batch).
    public var attributes: LeadAttributes
    /// Imported values filled in by sales after contact: kept, shown, never scored.
    public var postContactAttributes: LeadAttributes
    /// The known outcome from a labelled import (history), used for calibration.
    public var outcome: LeadOutcome?

    /// A lead; everything but the id is optional or defaults to empty, stage `new`.
    public init(
        id: LeadID = LeadID(), externalID: String? = nil, firstName: String? = nil, lastName: String? = nil,
        email: EmailAddress? = nil, phone: String? = nil, company: String? = nil, title: String? = nil,
        country: String? = nil, city: String? = nil, source: String? = nil, doNotEmail: Bool = false,
        doNotCall: Bool = false, createdAt: Date? = nil, stage: LifecycleStage = .new,
        attributes: LeadAttributes = [:], postContactAttributes: LeadAttributes = [:],
        outcome: LeadOutcome? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.company = company
        self.title = title
        self.country = country
        self.city = city
        self.source = source
        self.doNotEmail = doNotEmail
        self.doNotCall = doNotCall
        self.createdAt = createdAt
        self.stage = stage
        self.attributes = attributes
        self.postContactAttributes = postContactAttributes
        self.outcome = outcome
    }

    /// First and last name joined, or `nil` when neither is known.
    public var fullName: String? {
        let parts = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Whether neither email nor phone may be used.
    public var doNotContact: Bool { doNotEmail && doNotCall }
}
