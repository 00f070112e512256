public import Foundation
public import LeadModel
public import SyncProtocol

extension SyncStore {
    /// Applies one push in a write transaction of its own: ``applyPushes(_:at:)`` with a group
    /// of one.
    /// - Throws: ``SyncError/forbidden`` when the client id is bound to another rep,
    ///   ``LeadStoreError/repNotFound(_:)`` for an unknown rep, a database error; nothing is
    ///   applied then.
    public func applyPush(repID: RepID, clientID: String, mutations: [Mutation], at date: Date) throws
        -> [PushResult]
    {
        try applyPushes([PendingPush(repID: repID, clientID: clientID, mutations: mutations)], at: date)[0].get()
            .results
    }
}
