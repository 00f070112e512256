public import Foundation
public import LeadModel
public import StoreContract

/// The reads the front ends display and the few single-row admin writes, each one transaction of
/// the store (see ``LeadStore``, ``SyncStore``, ``HandoffStore`` and ``RoutingRulesStore`` for
/// what each returns and throws).
extension LeadRelayBackend {
    public func lead(id: LeadID) throws -> Lead? { try store.lead(id: id) }
    public func lead(dedupeKey key: String) throws -> Lead? { try store.lead(dedupeKey: key) }
    public func leads(idPrefix prefix: String, limit: Int) throws -> [Lead] {
        try store.leads(idPrefix: prefix, limit: limit)
    }
    public func leads(stage: LifecycleStage?, limit: Int?) throws -> [Lead] {
        try store.leads(stage: stage, limit: limit)
    }
    public func leads(after lastID: LeadID?, limit: Int) throws -> [Lead] {
        try store.leads(after: lastID, limit: limit)
    }
    public func events(leadIDs: [LeadID]) throws -> [LeadID: [EngagementEvent]] { try store.events(leadIDs: leadIDs) }
    public func leadCount() throws -> Int { try store.leadCount() }
    public func leadCountsByStage() throws -> [LifecycleStage: Int] { try store.leadCountsByStage() }
    public func leadCountsBySource() throws -> [String?: Int] { try store.leadCountsBySource() }
    public func outcomeCounts() throws -> (won: Int, notWon: Int) { try store.outcomeCounts() }
    public func stageHistory(leadID: LeadID) throws -> [StageChange] { try store.stageHistory(leadID: leadID) }
    public func currentScore(leadID: LeadID) throws -> LeadScore? { try store.currentScore(leadID: leadID) }
    public func overflow() throws -> [OverflowEntry] { try store.overflow() }

    public func reps() throws -> [Rep] { try store.reps() }
    public func rep(id: RepID) throws -> Rep? { try store.rep(id: id) }
    public func rep(email: EmailAddress) throws -> Rep? { try store.rep(email: email) }
    public func addRep(_ rep: Rep) throws { try store.addRep(rep) }

    public func currentScoringModel() throws -> StoredScoringModel? { try store.currentScoringModel() }
    public func storedScoringModels() throws -> [StoredScoringModel] { try store.scoringModels() }
    public func currentRoutingRules() throws -> StoredRoutingRules? { try store.currentRoutingRules() }
    public func routingRulesVersions() throws -> [StoredRoutingRules] { try store.routingRulesVersions() }

    public func deviceToken(hash: String) throws -> DeviceTokenRecord? { try store.deviceToken(hash: hash) }
    public func revokeDeviceToken(hash: String, at date: Date) throws -> Bool {
        try store.revokeDeviceToken(hash: hash, at: date)
    }

    /// The rep's change-log position now (what a page built ahead was built at).
    public func changeLogMark(repID: RepID) throws -> ChangeLogMark { try store.changeLogMark(repID: repID) }
}
