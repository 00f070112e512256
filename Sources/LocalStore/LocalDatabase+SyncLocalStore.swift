public import Foundation
import GRDB
import LeadModel
public import SyncProtocol

extension LocalDatabase: SyncLocalStore {
    public func cursor() async throws -> SyncCursor? {
        try await writer.read { db in try Self.session(db)?.cursor }
    }

    public func unsentMutations(upTo lastID: Int64, limit: Int) async throws -> [Mutation] {
        try await writer.read { db in
            let clientID = try String.fetchOne(db, sql: "SELECT client_id FROM sync_state") ?? ""
            let decoder = JSONDecoder()
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox WHERE state IN ('queued', 'sent') AND mutation_id <= ?
                    ORDER BY mutation_id LIMIT ?
                    """,
                arguments: [lastID, limit]
            ).map { try Self.outboxEntry($0, clientID: clientID, decoder: decoder).mutation }
        }
    }

    public func lastQueuedMutationID() async throws -> Int64 {
        try await writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(mutation_id) FROM outbox") ?? 0 }
    }

    public func markSent(_ mutationIDs: [Int64], at date: Date) async throws {
        try await writer.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1
                    WHERE mutation_id = ? AND state IN ('queued', 'sent')
                    """)
            for id in mutationIDs { try statement.execute(arguments: [date.timeIntervalSince1970, id]) }
        }
    }

    public func recordResults(_ results: [PushResult], at date: Date) async throws {
        try await writer.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE outbox SET state = ?, refusal_code = ?, answered_at = ?
                    WHERE mutation_id = ? AND state IN ('queued', 'sent')
                    """)
            for result in results {
                let state: String
                var code: String?
                switch result.outcome {
                case .applied, .duplicate: state = OutboxState.applied.rawValue
                case .rejected(.gap): continue
                case .rejected(let rejection):
                    state = OutboxState.refused.rawValue
                    code = rejection.rawValue
                }
                try statement.execute(arguments: [state, code, date.timeIntervalSince1970, result.mutationID])
            }
        }
    }

    public func apply(_ page: PullPage) async throws {
        let encoder = JSONEncoder()
        var documents: [(SyncedLead, Data)] = []
        documents.reserveCapacity(page.upserts.count)
        for lead in page.upserts { documents.append((lead, try encoder.encode(lead))) }
        let rows = documents
        try await writer.write { db in
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO lead (id, version, stage, score_total, grade, assigned_at, label, document)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let forgetRemoval = try db.cachedStatement(sql: "DELETE FROM removal WHERE lead_id = ?")
            for (lead, document) in rows {
                let id = lead.leadID.description
                try upsert.execute(arguments: [
                    id, lead.version, lead.stage.rawValue, lead.scoreTotal, lead.grade?.rawValue,
                    lead.assignedAt.timeIntervalSince1970, LocalLead.label(of: lead), document,
                ])
                try forgetRemoval.execute(arguments: [id])
            }
            let remember = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO removal (lead_id, reason, label, removed_at_sequence)
                    VALUES (?, ?, (SELECT label FROM lead WHERE id = ?), ?)
                    """)
            let delete = try db.cachedStatement(sql: "DELETE FROM lead WHERE id = ?")
            for removal in page.removals {
                let id = removal.leadID.description
                try remember.execute(arguments: [id, removal.reason.rawValue, id, page.cursor.sequence])
                try delete.execute(arguments: [id])
            }
            try db.execute(
                sql: "UPDATE sync_state SET cursor = ?, epoch = ? WHERE singleton = 1",
                arguments: [page.cursor.text, page.cursor.epoch.uuidString.lowercased()])
            guard db.changesCount == 1 else { throw LocalStoreError.notLoggedIn }
        }
    }

    public func localDigest() async throws -> ScopeDigest {
        try await writer.read { db in
            var digest = ScopeDigest.empty
            let rows = try Row.fetchCursor(db, sql: "SELECT id, version FROM lead")
            while let row = try rows.next() {
                guard let id = LeadID(uuidString: row[0]) else {
                    throw LocalStoreError.corruptRow(table: "lead", detail: "id '\(row[0] as String)' is not a UUID")
                }
                digest.insert(leadID: id, version: row[1])
            }
            return digest
        }
    }

    public func resetReplica() async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM lead")
            try db.execute(
                sql: """
                    UPDATE sync_state SET cursor = NULL, epoch = NULL, scope_count = NULL, scope_hash = NULL
                    WHERE singleton = 1
                    """)
        }
    }

    public func recordSyncCompleted(at date: Date, digest: ScopeDigest) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE sync_state SET last_sync_at = ?, scope_count = ?, scope_hash = ? WHERE singleton = 1",
                arguments: [date.timeIntervalSince1970, digest.count, digest.hashText])
        }
    }
}
