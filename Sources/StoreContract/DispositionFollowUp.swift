public import Foundation
public import LeadModel

/// What a terminal reason did beyond the stage move (SPEC §3.2): a `duplicate` names the lead it
/// was merged into; an `existing_customer` names the account owner it was routed to (`nil` when
/// no rep owns the account yet).
public struct DispositionFollowUp: Hashable, Codable, Sendable {
    /// The rejected lead.
    public var leadID: LeadID
    /// `duplicate` or `existing_customer`.
    public var reason: ReasonCode
    /// The lead it duplicates (`duplicate`), if found.
    public var mergedInto: LeadID?
    /// The rep who owns the account (`existing_customer`), if found.
    public var accountOwner: RepID?
    /// When it was recorded.
    public var at: Date

    /// A follow-up record.
    public init(leadID: LeadID, reason: ReasonCode, mergedInto: LeadID?, accountOwner: RepID?, at: Date) {
        self.leadID = leadID
        self.reason = reason
        self.mergedInto = mergedInto
        self.accountOwner = accountOwner
        self.at = at
    }
}
