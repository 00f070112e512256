import LeadModel
import SyncProtocol

/// A device's copy of its rep's scope: applies pages as the sync engine would, checks the last
/// page's digest against its copy (as the engine does), and counts upserts a device must refuse
/// (a stage outside the rep's scope).
struct Replica {
    var leads: [LeadID: SyncedLead] = [:]
    var cursor: SyncCursor?
    var removed: [LeadID: RemovalReason] = [:]
    var pages = 0
    var digestMismatches = 0
    var outOfScopeUpserts = 0

    var digest: ScopeDigest { ScopeDigest(leads.values.map { (leadID: $0.leadID, version: $0.version) }) }

    mutating func apply(_ page: PullPage) {
        outOfScopeUpserts += page.upserts.count { !$0.stage.isInRepScope }
        for lead in page.upserts { leads[lead.leadID] = lead }
        for removal in page.removals {
            leads[removal.leadID] = nil
            removed[removal.leadID] = removal.reason
        }
        cursor = page.cursor
        pages += 1
        if !page.hasMore && page.scopeDigest != digest { digestMismatches += 1 }
    }
}
