import Foundation
internal import LeadModel
internal import StoreContract
internal import SyncAPI

// The wire forms of the hand-off records ServerStore defines. They live here, beside the
// handlers, not in SyncAPI: SyncAPI may not import ServerStore (scripts/allowed-imports.txt).

extension Components.Schemas.RoutingRules {
    /// The wire form of a stored routing-rules version.
    init(_ stored: StoredRoutingRules) {
        self.init(
            version: stored.version, document: stored.document, createdAt: stored.createdAt,
            createdBy: stored.createdBy, note: stored.note)
    }
}

extension Components.Schemas.SLABreach {
    /// The wire form of a recorded follow-up SLA breach (ids as UUID text).
    init(_ breach: StoreContract.SLABreach) {
        self.init(
            leadID: breach.leadID.description, repID: breach.repID.description, assignedAt: breach.assignedAt,
            deadline: breach.deadline, detectedAt: breach.detectedAt, escalatedTo: breach.escalatedTo?.description)
    }
}

extension Components.Schemas.DispositionFollowUp {
    /// The wire form of a `duplicate` or `existing_customer` follow-up (reason as its code).
    init(_ followUp: StoreContract.DispositionFollowUp) {
        self.init(
            leadID: followUp.leadID.description, reason: followUp.reason.rawValue,
            mergedInto: followUp.mergedInto?.description, accountOwner: followUp.accountOwner?.description,
            at: followUp.at)
    }
}
