public import Foundation
public import LeadModel
public import ServerStore

/// Brings recycled leads back to marketing (SPEC §3: a rejected lead goes back to nurturing after
/// its cool-down): the cool-down is set by the reject (``ReasonCode/table``, or a `bad_timing`
/// re-entry date); this moves the leads whose cool-down has ended from `recycled` to `nurturing`.
/// Meant for a periodic job (the scheduler of a later issue) and the admin CLI.
public struct LeadRecycling: Sendable {
    private let store: any SyncStore
    private let now: @Sendable () -> Date

    /// Recycling over a store, with an injected clock.
    public init(store: any SyncStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// Moves every lead whose cool-down has ended to `nurturing`, recorded as `system:recycling`.
    /// - Returns: the leads moved.
    @discardableResult
    public func releaseEndedCoolDowns() throws -> [LeadID] {
        try store.endCoolDowns(dueBy: now(), actor: "system:recycling")
    }
}
