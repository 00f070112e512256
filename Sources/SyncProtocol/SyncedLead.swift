public import Foundation
public import LeadModel

/// What a device stores about one lead in its rep's scope: contact and company fields, stage,
/// score with its top reasons, and the rep's notes, so the rep can work the lead offline.
public struct SyncedLead: Hashable, Codable, Sendable, Identifiable {
    /// The lead.
    public var leadID: LeadID
    /// The change-log sequence of the change this state answers (the lead's version in the
    /// scope, an input of ``ScopeDigest``). Grows with every change to the lead in the scope.
    public var version: Int64
    /// The source's or CRM's id, when there is one.
    public var externalID: String?
    /// Contact fields.
    public var firstName: String?
    public var lastName: String?
    /// The email address as written (not normalised).
    public var email: String?
    public var phone: String?
    /// Company fields.
    public var company: String?
    public var title: String?
    public var country: String?
    public var city: String?
    /// Where marketing got the lead.
    public var source: String?
    /// Consent flags: `true` means the lead must not be contacted that way.
    public var doNotEmail: Bool
    public var doNotCall: Bool
    /// The lead's stage when the page was read: `assigned` (awaiting the rep's verdict) or
    /// `accepted`. (A lead that left the scope after the page's cursor may show its new stage
    /// until the page that removes it.)
    public var stage: LifecycleStage
    /// Total score in points (fit plus engagement after the model's cap); `nil` when never scored.
    public var scoreTotal: Double?
    /// Fit points; `nil` when never scored.
    public var fitScore: Double?
    /// Engagement points; `nil` when never scored.
    public var engagementScore: Double?
    /// The fit grade; `nil` when never scored.
    public var grade: Grade?
    /// The scoring-model version of the score; `nil` when never scored.
    public var modelVersion: Int?
    /// The explanation's largest contributions (largest absolute points first), at most
    /// ``topContributionLimit``.
    public var topContributions: [ScoreContribution]
    /// When the lead was handed to this rep.
    public var assignedAt: Date
    /// The rep's notes on the lead, oldest first.
    public var notes: [SyncedNote]

    /// How many contributions a synced lead carries: 5.
    public static let topContributionLimit = 5

    public var id: LeadID { leadID }

    /// A synced lead; optional fields default to none.
    public init(
        leadID: LeadID, version: Int64, externalID: String? = nil, firstName: String? = nil,
        lastName: String? = nil, email: String? = nil, phone: String? = nil, company: String? = nil,
        title: String? = nil, country: String? = nil, city: String? = nil, source: String? = nil,
        doNotEmail: Bool = false, doNotCall: Bool = false, stage: LifecycleStage, scoreTotal: Double? = nil,
        fitScore: Double? = nil, engagementScore: Double? = nil, grade: Grade? = nil, modelVersion: Int? = nil,
        topContributions: [ScoreContribution] = [], assignedAt: Date, notes: [SyncedNote] = []
    ) {
        self.leadID = leadID
        self.version = version
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
        self.stage = stage
        self.scoreTotal = scoreTotal
        self.fitScore = fitScore
        self.engagementScore = engagementScore
        self.grade = grade
        self.modelVersion = modelVersion
        self.topContributions = topContributions
        self.assignedAt = assignedAt
        self.notes = notes
    }
}
