public import Foundation
public import LeadModel
public import StoreContract

/// Hands leads to reps (admin assign and reassign; the router of a later issue calls the same):
/// `mql` → `assigned` by `route`, `assigned` → `assigned` by `reassign`. Each assignment writes
/// the stage history and the change log: the lead enters the new rep's scope and leaves the old
/// rep's with a removal `reassigned` (SPEC §5 rule 2).
public struct LeadAssignment: Sendable {
    private let store: any SyncStore
    private let now: @Sendable () -> Date

    /// Assignment over a store, with an injected clock.
    public init(store: any SyncStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// Assigns (or reassigns) a lead to a rep.
    /// - Parameter actor: who does it, recorded in the history: `admin:<name>`, `system:router`,
    ///   `system:sla`.
    /// - Throws: ``LeadStoreError/leadNotFound(_:)``, ``LeadStoreError/repNotFound(_:)``,
    ///   ``LeadStoreError/repInactive(_:)``; ``StageTransitionError`` when the lead is neither
    ///   `mql` nor `assigned`.
    @discardableResult
    public func assign(_ leadID: LeadID, to repID: RepID, actor: String) throws -> LeadAssignmentChange {
        try store.atomically {
            try store.assign(leadID: leadID, to: repID, actor: actor, at: now())
        }
    }

    /// Assigns (or reassigns) many leads to one rep in one transaction, in the order given.
    /// - Returns: one change per lead, in the order given.
    /// - Throws: as ``assign(_:to:actor:)`` for the first lead that fails; nothing is kept then.
    @discardableResult
    public func assign(_ leadIDs: [LeadID], to repID: RepID, actor: String) throws -> [LeadAssignmentChange] {
        try store.atomically {
            try store.assign(leadIDs: leadIDs, to: repID, actor: actor, at: now())
        }
    }
}
