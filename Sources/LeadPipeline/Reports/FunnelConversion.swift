/// The funnel MQL → accepted → converted for a group of leads: how many ever reached each stage
/// (from the stage history) and the conversion between them.
public struct FunnelConversion: Hashable, Codable, Sendable {
    /// The group (`all`, or a source).
    public var group: String
    /// Leads that reached `mql`.
    public var mql: Int
    /// Leads handed to a rep (reached `assigned`).
    public var handed: Int
    /// Leads sales accepted (reached `accepted`).
    public var accepted: Int
    /// Leads that became opportunities (reached `converted`).
    public var converted: Int
    /// `accepted / mql`, 0–1, `nil` without MQLs.
    public var mqlToAccepted: Double?
    /// `converted / accepted`, 0–1, `nil` without accepted leads.
    public var acceptedToConverted: Double?
    /// `converted / mql`, 0–1, `nil` without MQLs.
    public var mqlToConverted: Double?

    /// A conversion row; the rates are computed.
    public init(group: String, mql: Int, handed: Int, accepted: Int, converted: Int) {
        self.group = group
        self.mql = mql
        self.handed = handed
        self.accepted = accepted
        self.converted = converted
        mqlToAccepted = ReportMath.rate(accepted, of: mql)
        acceptedToConverted = ReportMath.rate(converted, of: accepted)
        mqlToConverted = ReportMath.rate(converted, of: mql)
    }
}
