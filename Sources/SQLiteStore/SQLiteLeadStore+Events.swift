import Foundation
import GRDB
public import LeadModel
import StoreContract

extension SQLiteLeadStore {
    /// Stores the events in one write transaction, skipping those whose dedupe key is already
    /// stored (or repeated earlier in `events`).
    /// - Throws: ``LeadStoreError/leadNotFound(_:)`` for the first event naming an unknown lead;
    ///   nothing is stored then.
    @discardableResult
    public func addEvents(_ events: [EngagementEvent]) throws -> Int {
        try write { db in
            var knownLeads: Set<LeadID> = []
            let leadExists = try db.cachedStatement(sql: "SELECT 1 FROM lead WHERE id = ?")
            for event in events where !knownLeads.contains(event.leadID) {
                guard try Bool.fetchOne(leadExists, arguments: [event.leadID.description]) != nil else {
                    throw LeadStoreError.leadNotFound(event.leadID)
                }
                knownLeads.insert(event.leadID)
            }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO engagement_event (id, lead_id, type, occurred_at, value, dedupe_key)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
                    """)
            var added = 0
            for event in events {
                try insert.execute(arguments: [
                    event.id.description, event.leadID.description, event.type,
                    event.occurredAt.timeIntervalSince1970, event.value, event.dedupeKey,
                ])
                added += db.changesCount
            }
            return added
        }
    }

    /// The lead's events, oldest first (ties in the order they were stored).
    public func events(leadID: LeadID) throws -> [EngagementEvent] {
        try read { db in
            try Self.fetchEvents(
                db,
                sql: """
                    SELECT \(Self.eventColumns) FROM engagement_event
                    WHERE lead_id = ? ORDER BY occurred_at, rowid
                    """,
                arguments: [leadID.description])
        }
    }

    /// The events of several leads at once (for a scoring batch), each lead's oldest first; leads
    /// without events are absent.
    public func events(leadIDs: [LeadID]) throws -> [LeadID: [EngagementEvent]] {
        guard !leadIDs.isEmpty else { return [:] }
        return try read { db in
            var byLead: [LeadID: [EngagementEvent]] = [:]
            // Stay well below SQLite's bound-parameter limit.
            for chunkStart in stride(from: 0, to: leadIDs.count, by: 500) {
                let chunk = leadIDs[chunkStart..<min(chunkStart + 500, leadIDs.count)]
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let events = try Self.fetchEvents(
                    db,
                    sql: """
                        SELECT \(Self.eventColumns) FROM engagement_event
                        WHERE lead_id IN (\(placeholders)) ORDER BY occurred_at, rowid
                        """,
                    arguments: StatementArguments(chunk.map(\.description)))
                for event in events { byLead[event.leadID, default: []].append(event) }
            }
            return byLead
        }
    }

    private static let eventColumns = "id, lead_id, type, occurred_at, value, dedupe_key"

    private static func fetchEvents(_ db: Database, sql: String, arguments: StatementArguments) throws
        -> [EngagementEvent]
    {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            guard let id = EventID(uuidString: row[0]), let leadID = LeadID(uuidString: row[1]) else {
                throw LeadStoreError.corruptRow(table: "engagement_event", detail: "id or lead_id is not a UUID")
            }
            return EngagementEvent(
                id: id, leadID: leadID, type: row[2], occurredAt: Date(timeIntervalSince1970: row[3]),
                value: row[4], dedupeKey: row[5])
        }
    }
}
