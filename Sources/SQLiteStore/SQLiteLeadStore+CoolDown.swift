public import Foundation
import GRDB
public import LeadModel
import StoreContract

extension SQLiteLeadStore {
    /// Moves the `recycled` leads whose cool-down ended by `date` to `nurturing` (trigger
    /// `cool_down_ended`, history row by `actor`) and forgets their cool-down, in one write
    /// transaction. Leads whose stage changed meanwhile only lose the cool-down row.
    /// - Returns: the leads moved, in id order.
    public func endCoolDowns(dueBy date: Date, actor: String) throws -> [LeadID] {
        try write { db in
            let due = try String.fetchAll(
                db, sql: "SELECT lead_id FROM lead_cool_down WHERE until <= ? ORDER BY lead_id",
                arguments: [date.timeIntervalSince1970])
            var moved: [LeadID] = []
            for text in due {
                guard let leadID = LeadID(uuidString: text) else {
                    throw LeadStoreError.corruptRow(table: "lead_cool_down", detail: "lead id '\(text)'")
                }
                let stage = try Self.currentStage(leadID: leadID, in: db)
                if stage == .recycled {
                    try Self.recordTransition(
                        StageTransitionRequest(
                            leadID: leadID, to: .nurturing, trigger: .coolDownEnded, actor: actor, at: date),
                        from: stage, in: db)
                    moved.append(leadID)
                }
                try db.execute(sql: "DELETE FROM lead_cool_down WHERE lead_id = ?", arguments: [text])
            }
            return moved
        }
    }
}
