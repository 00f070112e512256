/// One row of the reason-code table (SPEC §3.2).
public struct ReasonCodeEntry: Hashable, Sendable {
    /// The stable machine code, as sent by devices and shown in reports.
    public let code: ReasonCode
    /// What the code means, as the rep sees it in help text.
    public let meaning: String
    /// What a reject with this code does to the lead.
    public let disposition: ReasonDisposition
    /// Whether a reject with this code must carry a note (`other`).
    public let requiresNote: Bool
    /// Whether the rep may give a re-entry date that replaces the cool-down (`bad_timing`).
    public let acceptsReentryDate: Bool
    /// Whether corrected contact fields may come with the reject (`bad_contact_data`).
    public let acceptsContactCorrections: Bool
    /// Whether the lead goes to the account owner instead (`existing_customer`).
    public let routesToAccountOwner: Bool
    /// Whether the lead is merged into the lead it duplicates (`duplicate`).
    public let mergesIntoOriginal: Bool
    /// Whether the lead is left out of the quality reports (`spam`).
    public let excludedFromReports: Bool

    /// A table row; every flag defaults to `false`.
    public init(
        code: ReasonCode, meaning: String, disposition: ReasonDisposition, requiresNote: Bool = false,
        acceptsReentryDate: Bool = false, acceptsContactCorrections: Bool = false,
        routesToAccountOwner: Bool = false, mergesIntoOriginal: Bool = false, excludedFromReports: Bool = false
    ) {
        self.code = code
        self.meaning = meaning
        self.disposition = disposition
        self.requiresNote = requiresNote
        self.acceptsReentryDate = acceptsReentryDate
        self.acceptsContactCorrections = acceptsContactCorrections
        self.routesToAccountOwner = routesToAccountOwner
        self.mergesIntoOriginal = mergesIntoOriginal
        self.excludedFromReports = excludedFromReports
    }
}
