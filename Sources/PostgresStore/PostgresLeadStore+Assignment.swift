public import Foundation
public import LeadModel
public import StoreContract
import SyncProtocol

extension PostgresLeadStore {
    @discardableResult
    public func assign(leadID: LeadID, to repID: RepID, actor: String, at date: Date) throws -> LeadAssignmentChange {
        try assign([LeadHandoffRequest(leadID: leadID, repID: repID)], actor: actor, at: date)[0]
    }

    /// Hands the leads over in one transaction, set-based (``PostgresHandoffBatch``).
    @discardableResult
    public func assign(_ handoffs: [LeadHandoffRequest], actor: String, at date: Date) throws
        -> [LeadAssignmentChange]
    {
        try write { session in try PostgresHandoffBatch.assign(handoffs, actor: actor, at: date, in: session) }
    }

    @discardableResult
    public func releaseLead(_ leadID: LeadID, at date: Date) throws -> RepID? {
        try write { session in
            let lead = leadID.description
            try session.execute("SELECT 1 FROM lead WHERE id = $1 FOR UPDATE", [lead])
            guard let previous = try Self.owner(leadID: lead, in: session) else { return nil }
            try session.execute("DELETE FROM lead_assignment WHERE lead_id = $1", [lead])
            try Self.logRemoval(repID: previous, leadID: lead, reason: .reassigned, at: date, in: session)
            return RepID(uuidString: previous)
        }
    }

    public func unownedHandedLeads() throws -> [Lead] {
        try read {
            try Self.fetchLeads(
                $0,
                """
                WHERE stage IN ('assigned', 'accepted')
                  AND NOT EXISTS (SELECT 1 FROM lead_assignment a WHERE a.lead_id = lead.id)
                ORDER BY id
                """)
        }
    }

    public func owner(of leadID: LeadID) throws -> RepID? {
        try read { try Self.owner(leadID: leadID.description, in: $0).flatMap(RepID.init(uuidString:)) }
    }
}
