public import Foundation
public import LeadModel
public import StoreContract

/// The reads the front ends display and the few single-row admin writes, each one transaction of
/// the store and each the store protocol's operation of the same name: its doc comment in
/// ``LeadStore``, ``SyncStore``, ``HandoffStore`` or ``RoutingRulesStore`` gives what it returns
/// and throws (`LeadStoreError`, or the store's own error).
extension LeadRelayBackend {
    /// The store's `lead`, in a transaction of its own.
    public func lead(id: LeadID) throws -> Lead? { try store.lead(id: id) }
    /// The store's `lead`, in a transaction of its own.
    public func lead(dedupeKey key: String) throws -> Lead? { try store.lead(dedupeKey: key) }
    /// The store's `leads`, in a transaction of its own.
    public func leads(idPrefix prefix: String, limit: Int) throws -> [Lead] {
        try store.leads(idPrefix: prefix, limit: limit)
    }
    /// The store's `leads`, in a transaction of its own.
    public func leads(stage: LifecycleStage?, limit: Int?) throws -> [Lead] {
        try store.leads(stage: stage, limit: limit)
    }
    /// The store's `leads`, in a transaction of its own.
    public func leads(after lastID: LeadID?, limit: Int) throws -> [Lead] {
        try store.leads(after: lastID, limit: limit)
    }
    /// The store's `events`, in a transaction of its own.
    public func events(leadIDs: [LeadID]) throws -> [LeadID: [EngagementEvent]] { try store.events(leadIDs: leadIDs) }
    /// The store's `leadCount`, in a transaction of its own.
    public func leadCount() throws -> Int { try store.leadCount() }
    /// The store's `leadCountsByStage`, in a transaction of its own.
    public func leadCountsByStage() throws -> [LifecycleStage: Int] { try store.leadCountsByStage() }
    /// The store's `leadCountsBySource`, in a transaction of its own.
    public func leadCountsBySource() throws -> [String?: Int] { try store.leadCountsBySource() }
    /// The store's `outcomeCounts`, in a transaction of its own.
    public func outcomeCounts() throws -> (won: Int, notWon: Int) { try store.outcomeCounts() }
    /// The store's `stageHistory`, in a transaction of its own.
    public func stageHistory(leadID: LeadID) throws -> [StageChange] { try store.stageHistory(leadID: leadID) }
    /// The store's `currentScore`, in a transaction of its own.
    public func currentScore(leadID: LeadID) throws -> LeadScore? { try store.currentScore(leadID: leadID) }
    /// The store's `overflow`, in a transaction of its own.
    public func overflow() throws -> [OverflowEntry] { try store.overflow() }

    /// The store's `reps`, in a transaction of its own.
    public func reps() throws -> [Rep] { try store.reps() }
    /// The store's `rep`, in a transaction of its own.
    public func rep(id: RepID) throws -> Rep? { try store.rep(id: id) }
    /// The store's `rep`, in a transaction of its own.
    public func rep(email: EmailAddress) throws -> Rep? { try store.rep(email: email) }
    /// The store's `addRep`, in a transaction of its own.
    public func addRep(_ rep: Rep) throws { try store.addRep(rep) }

    /// The store's `currentScoringModel`, in a transaction of its own.
    public func currentScoringModel() throws -> StoredScoringModel? { try store.currentScoringModel() }
    /// The store's `storedScoringModels`, in a transaction of its own.
    public func storedScoringModels() throws -> [StoredScoringModel] { try store.scoringModels() }
    /// The store's `currentRoutingRules`, in a transaction of its own.
    public func currentRoutingRules() throws -> StoredRoutingRules? { try store.currentRoutingRules() }
    /// The store's `routingRulesVersions`, in a transaction of its own.
    public func routingRulesVersions() throws -> [StoredRoutingRules] { try store.routingRulesVersions() }

    /// The store's `deviceToken`, in a transaction of its own.
    public func deviceToken(hash: String) throws -> DeviceTokenRecord? { try store.deviceToken(hash: hash) }
    /// The store's `revokeDeviceToken`, in a transaction of its own.
    public func revokeDeviceToken(hash: String, at date: Date) throws -> Bool {
        try store.revokeDeviceToken(hash: hash, at: date)
    }

    /// The rep's change-log position now (what a page built ahead was built at).
    public func changeLogMark(repID: RepID) throws -> ChangeLogMark { try store.changeLogMark(repID: repID) }
}
