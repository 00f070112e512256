/// Why a rep marked a lead unqualified (SPEC §3.2). The codes, their meaning and their
/// dispositions live in one table, ``ReasonCode/table``, which the scoring model, the API
/// schema and the reports all read.
public enum ReasonCode: String, CaseIterable, Codable, Sendable {
    case noBudget = "no_budget"
    case noAuthority = "no_authority"
    case noNeed = "no_need"
    case badTiming = "bad_timing"
    case noResponse = "no_response"
    case badContactData = "bad_contact_data"
    case notICP = "not_icp"
    case competitor
    case studentOrJobSeeker = "student_or_job_seeker"
    case existingCustomer = "existing_customer"
    case duplicate
    case spam
    case other

    /// The code's row in ``table``.
    public var entry: ReasonCodeEntry { Self.entries[self]! }

    /// The reason-code table of SPEC §3.2, in its order. Cool-down lengths are LeadRelay's
    /// defaults (the spec fixes only "long" for `no_need`): 30 days for most recyclable reasons,
    /// 180 for `no_need`, 90 for `bad_timing` without a re-entry date, 14 for `no_response`
    /// and 7 for `bad_contact_data` (a corrected contact can be tried again soon).
    public static let table: [ReasonCodeEntry] = [
        .init(code: .noBudget, meaning: "no money for it now", disposition: .recycle(coolDownDays: 30)),
        .init(code: .noAuthority, meaning: "not the decision maker", disposition: .recycle(coolDownDays: 30)),
        .init(code: .noNeed, meaning: "no problem we solve", disposition: .recycle(coolDownDays: 180)),
        .init(
            code: .badTiming, meaning: "not now; may give a re-entry date",
            disposition: .recycle(coolDownDays: 90), acceptsReentryDate: true),
        .init(code: .noResponse, meaning: "could not reach after attempts", disposition: .recycle(coolDownDays: 14)),
        .init(
            code: .badContactData, meaning: "wrong phone or email", disposition: .recycle(coolDownDays: 7),
            acceptsContactCorrections: true),
        .init(code: .notICP, meaning: "outside the ideal customer profile", disposition: .disqualify),
        .init(code: .competitor, meaning: "works for a competitor", disposition: .disqualify),
        .init(code: .studentOrJobSeeker, meaning: "not a buyer", disposition: .disqualify),
        .init(
            code: .existingCustomer, meaning: "already a customer", disposition: .disqualify,
            routesToAccountOwner: true),
        .init(
            code: .duplicate, meaning: "same person as another lead", disposition: .disqualify,
            mergesIntoOriginal: true),
        .init(code: .spam, meaning: "fake submission", disposition: .disqualify, excludedFromReports: true),
        .init(code: .other, meaning: "anything else", disposition: .recycle(coolDownDays: 30), requiresNote: true),
    ]

    private static let entries: [ReasonCode: ReasonCodeEntry] = Dictionary(
        uniqueKeysWithValues: table.map { ($0.code, $0) })
}
