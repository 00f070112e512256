import Foundation
public import LeadModel
import StoreContract

extension PostgresLeadStore {
    @discardableResult
    public func addEvents(_ events: [EngagementEvent]) throws -> Int {
        try write { session in
            let leadIDs = Array(Set(events.map(\.leadID.description)))
            let known = Set(
                try session.rows("SELECT id FROM lead WHERE id = ANY($1)", [leadIDs]).map { try $0.requiredText(0) })
            if let missing = events.first(where: { !known.contains($0.leadID.description) }) {
                throw LeadStoreError.leadNotFound(missing.leadID)
            }
            var added = 0
            for event in events {
                added += try session.execute(
                    """
                    INSERT INTO engagement_event (id, lead_id, type, occurred_at, value, dedupe_key)
                    VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING
                    """,
                    [
                        event.id.description, event.leadID.description, event.type,
                        event.occurredAt.timeIntervalSince1970, event.value, event.dedupeKey,
                    ])
            }
            return added
        }
    }

    public func events(leadID: LeadID) throws -> [EngagementEvent] {
        try read { session in
            try Self.fetchEvents(
                session,
                "SELECT \(Self.eventColumns) FROM engagement_event WHERE lead_id = $1 ORDER BY occurred_at, insert_order",
                [leadID.description])
        }
    }

    public func events(leadIDs: [LeadID]) throws -> [LeadID: [EngagementEvent]] {
        guard !leadIDs.isEmpty else { return [:] }
        return try read { session in
            var byLead: [LeadID: [EngagementEvent]] = [:]
            let events = try Self.fetchEvents(
                session,
                """
                SELECT \(Self.eventColumns) FROM engagement_event
                WHERE lead_id = ANY($1) ORDER BY occurred_at, insert_order
                """, [leadIDs.map(\.description)])
            for event in events { byLead[event.leadID, default: []].append(event) }
            return byLead
        }
    }

    private static let eventColumns = "id, lead_id, type, occurred_at, value, dedupe_key"

    private static func fetchEvents(_ session: PostgresSession, _ sql: String, _ parameters: [any SQLBindable])
        throws -> [EngagementEvent]
    {
        try session.rows(sql, parameters).map { row in
            guard let id = EventID(uuidString: try row.requiredText(0)),
                let leadID = LeadID(uuidString: try row.requiredText(1))
            else { throw LeadStoreError.corruptRow(table: "engagement_event", detail: "id or lead_id is not a UUID") }
            return EngagementEvent(
                id: id, leadID: leadID, type: try row.requiredText(2),
                occurredAt: Date(timeIntervalSince1970: try row.requiredDouble(3)), value: try row.double(4),
                dedupeKey: try row.requiredText(5))
        }
    }
}
