public import Foundation

/// What a rep decided about a lead.
public enum Verdict: Hashable, Codable, Sendable {
    /// Sales accepts the lead.
    case accept
    /// The lead became an opportunity.
    case convert
    /// Not qualified, with a reason code; `note` is required for `other`; `reentryDate` only for
    /// `bad_timing`.
    case reject(reason: ReasonCode, note: String?, reentryDate: Date?)
}
