public import Foundation
public import LeadModel

extension SyncStore {
    /// Hands many leads to one rep in one write transaction, each as
    /// ``assign(leadID:to:actor:at:)`` does, in the order given (``assign(_:actor:at:)``).
    /// - Returns: one change per lead, in the order given.
    /// - Throws: the first failing lead's error (as the single assign); nothing is kept then.
    @discardableResult
    public func assign(leadIDs: [LeadID], to repID: RepID, actor: String, at date: Date) throws
        -> [LeadAssignmentChange]
    {
        try assign(leadIDs.map { LeadHandoffRequest(leadID: $0, repID: repID) }, actor: actor, at: date)
    }
}
