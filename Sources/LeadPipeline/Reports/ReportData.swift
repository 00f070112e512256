import Foundation
import LeadModel
import StoreContract

/// The leads and stage history one report reads: every lead (leads rejected as `spam` left out),
/// restricted to those with a stage change at or after `since` when given.
struct ReportData {
    /// The leads in the report, in id order.
    let leads: [Lead]
    /// Each lead's full stage history, oldest first.
    let history: [LeadID: [StageChange]]
    private let reachedStages: [LeadID: Set<LifecycleStage>]

    init(store: any HandoffStoreServices, since: Date?) throws {
        var history: [LeadID: [StageChange]] = [:]
        for change in try store.stageChanges(since: nil) { history[change.leadID, default: []].append(change) }
        var leads: [Lead] = []
        var lastID: LeadID?
        while true {
            let page = try store.leads(after: lastID, limit: 1_000)
            guard let last = page.last else { break }
            lastID = last.id
            for lead in page {
                let changes = history[lead.id] ?? []
                if changes.contains(where: { $0.isReject && $0.reason == .spam }) { continue }
                if let since, !changes.contains(where: { $0.at >= since }) { continue }
                leads.append(lead)
            }
        }
        self.leads = leads
        self.history = history
        var reached: [LeadID: Set<LifecycleStage>] = [:]
        for (lead, changes) in history { reached[lead] = Set(changes.map(\.to)) }
        reachedStages = reached
    }

    /// Whether the lead ever entered `stage` (by its history).
    func reached(_ leadID: LeadID, _ stage: LifecycleStage) -> Bool { reachedStages[leadID]?.contains(stage) ?? false }
}
