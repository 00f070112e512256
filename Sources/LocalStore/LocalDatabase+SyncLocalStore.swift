public import Foundation
import GRDB
import LeadModel
public import SyncProtocol

extension LocalDatabase: SyncLocalStore {
    /// The cursor of the last committed page (`sync_state.cursor`), or `nil`.
    public func cursor() async throws -> SyncCursor? {
        try await writer.read { db in try Self.session(db)?.cursor }
    }

    /// Queued and sent outbox rows up to `lastID`, oldest first, at most `limit`.
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

    /// The largest mutation id in the outbox, 0 when empty.
    public func lastQueuedMutationID() async throws -> Int64 {
        try await writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(mutation_id) FROM outbox") ?? 0 }
    }

    /// Marks queued or sent rows as sent at `date` and counts the attempt; answered rows are left alone.
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

    /// Applied and duplicate answers mark rows `applied`; refusals mark them `refused` with the code;
    /// a `gap` leaves the row unsent. One transaction.
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

    /// The limits the last page that stated them gave, or `nil`.
    public func serverLimits() async throws -> SyncLimits? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT max_request_bytes, max_mutations_per_push, max_note_length FROM sync_state"),
                let bytes: Int = row[0], let mutations: Int = row[1], let note: Int = row[2]
            else { return nil }
            return SyncLimits(maxRequestBytes: bytes, maxMutationsPerPush: mutations, maxNoteLength: note)
        }
    }

    /// The largest applied or refused outbox id, or `nil`.
    public func acknowledgedThrough() async throws -> Int64? {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT max(mutation_id) FROM outbox WHERE state IN ('applied', 'refused')")
        }
    }

    /// Applied and refused rows above `lastApplied` go back to queued, their answer cleared.
    public func requeueAnswered(after lastApplied: Int64) async throws -> Int {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'queued', refusal_code = NULL, answered_at = NULL
                    WHERE mutation_id > ? AND state IN ('applied', 'refused')
                    """,
                arguments: [lastApplied])
            return db.changesCount
        }
    }

    /// Renumbers the unsent rows and the rows refused `conflict` at or below `conflictsThrough`,
    /// in id order, from just above `serverLastApplied` and every other row's id, as queued rows;
    /// `next_mutation_id` follows the last of them. One transaction.
    public func renumberUnsent(conflictsThrough: Int64, serverLastApplied: Int64) async throws -> [(
        old: Int64, new: Int64
    )] {
        try await writer.write { db in
            let selected = """
                (state IN ('queued', 'sent') OR (state = 'refused' AND refusal_code = 'conflict' AND mutation_id <= \(conflictsThrough)))
                """
            let old = try Int64.fetchAll(
                db, sql: "SELECT mutation_id FROM outbox WHERE \(selected) ORDER BY mutation_id")
            guard !old.isEmpty else { return [] }
            let kept = try Int64.fetchOne(db, sql: "SELECT max(mutation_id) FROM outbox WHERE NOT \(selected)") ?? 0
            let base = max(serverLastApplied, kept)
            // Out of the way first (ids from 2⁶² up are never numbered), then into place.
            let parking: Int64 = 1 << 62
            try db.execute(
                sql: """
                    UPDATE outbox SET mutation_id = mutation_id + ?, state = 'queued', refusal_code = NULL,
                        answered_at = NULL
                    WHERE \(selected)
                    """,
                arguments: [parking])
            let move = try db.cachedStatement(sql: "UPDATE outbox SET mutation_id = ? WHERE mutation_id = ?")
            var pairs: [(old: Int64, new: Int64)] = []
            for (offset, id) in old.enumerated() {
                let new = base + 1 + Int64(offset)
                try move.execute(arguments: [new, id + parking])
                pairs.append((id, new))
            }
            // Every row above `base` was renumbered: the next id follows the last without a hole.
            try db.execute(
                sql: "UPDATE sync_state SET next_mutation_id = ? WHERE singleton = 1",
                arguments: [base + 1 + Int64(old.count)])
            return pairs
        }
    }

    /// Upserts, removals (remembered with their reason) and the page's cursor in one transaction.
    ///
    /// An upsert whose stage is outside the rep's scope (`recycled`, `converted`, …: a server
    /// that sent the lead's current state before its removal) is applied as that removal
    /// (``RemovalReason/init(leavingScopeFor:)``): such a page never wedges the device.
    /// - Throws: ``LocalStoreError/notLoggedIn`` without a session row (nothing is kept),
    ///   ``LocalStoreError/anotherRepsPage(owner:page:)`` for a page of another rep than the one
    ///   whose data the device holds, or `LeadNotStorable` naming the lead whose row the database
    ///   refused (nothing of the page is kept).
    public func apply(_ served: PullPage) async throws {
        let page = Self.keepingScope(served)
        var documents: [Data] = []
        documents.reserveCapacity(page.upserts.count)
        for lead in page.upserts {
            if let bytes = lead.documentJSON() {
                documents.append(Data(bytes))
            } else {
                documents.append(try JSONEncoder().encode(lead))
            }
        }
        let rows = documents
        try await writer.write { db in
            // Never two reps' data in one copy: a page pulled with another rep's token is refused
            // whole; a device that never learnt its rep learns it from the first page that says.
            if let pageRep = page.repID, let owner = try Self.session(db)?.repID, owner != pageRep {
                throw LocalStoreError.anotherRepsPage(owner: owner, page: pageRep)
            }
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO lead (
                        id, version, stage, score_total, grade, assigned_at, label, hash_high, hash_low, document,
                        content_check)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            // A lead that comes back forgets its removal; with no removal kept (a first sync),
            // there is nothing to forget and no statement per row to run.
            let hasRemovals = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM removal)") ?? true
            let forgetRemoval = try db.cachedStatement(sql: "DELETE FROM removal WHERE lead_id = ?")
            for (lead, document) in zip(page.upserts, rows) {
                let id = lead.leadID.description
                let hash = ScopeDigest.elementHash(leadID: lead.leadID, version: lead.version)
                do {
                    try upsert.execute(arguments: [
                        id, lead.version, lead.stage.rawValue, lead.scoreTotal, lead.grade?.rawValue,
                        lead.assignedAt.timeIntervalSince1970, LocalLead.label(of: lead), Int64(hash >> 32),
                        Int64(hash & 0xffff_ffff), document,
                        LeadContentCheck.of(
                            version: lead.version, stage: lead.stage.rawValue, scoreTotal: lead.scoreTotal,
                            grade: lead.grade?.rawValue, document: document),
                    ])
                } catch let error as DatabaseError {
                    throw LeadNotStorable(leadID: lead.leadID, detail: error.message ?? "\(error.resultCode)")
                }
                if hasRemovals { try forgetRemoval.execute(arguments: [id]) }
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
            // A page that changes the copy also drops the digest verified by the last sync: it no
            // longer describes the rows, and ``localDigest()`` must count them again.
            let changesCopy = !page.upserts.isEmpty || !page.removals.isEmpty
            let dropVerified = changesCopy ? ", scope_count = NULL, scope_hash = NULL" : ""
            try db.execute(
                sql: """
                    UPDATE sync_state SET cursor = ?, epoch = ?, rep_id = coalesce(rep_id, ?),
                        max_request_bytes = coalesce(?, max_request_bytes),
                        max_mutations_per_push = coalesce(?, max_mutations_per_push),
                        max_note_length = coalesce(?, max_note_length)\(dropVerified)
                    WHERE singleton = 1
                    """,
                arguments: [
                    page.cursor.text, page.cursor.epoch.uuidString.lowercased(), page.repID?.description,
                    page.limits?.maxRequestBytes, page.limits?.maxMutationsPerPush, page.limits?.maxNoteLength,
                ])
            guard db.changesCount == 1 else { throw LocalStoreError.notLoggedIn }
        }
    }

    /// The page with each upsert outside the rep's scope turned into its removal.
    static func keepingScope(_ page: PullPage) -> PullPage {
        guard page.upserts.contains(where: { !$0.stage.isInRepScope }) else { return page }
        var kept = page
        kept.upserts.removeAll { !$0.stage.isInRepScope }
        kept.removals += page.upserts.compactMap { lead in
            RemovalReason(leavingScopeFor: lead.stage).map { LeadRemoval(leadID: lead.leadID, reason: $0) }
        }
        return kept
    }

    /// The digest of the lead rows that still verify: their count and the wrapping sum of their
    /// element hashes (``ScopeDigest/elementHash(leadID:version:)``, stored split in two 32-bit
    /// halves). A row verifies when its ``LeadContentCheck`` over its version, stage, score, grade
    /// and document equals the check stored with it; a row deleted or altered outside the app
    /// thus leaves the digest short of the server's, and the sync rebuilds the copy once (issue
    /// 14 item 5). Every row is read on every call, a sync with nothing new included: the digest
    /// verified by the last sync is never trusted in its place.
    public func localDigest() async throws -> ScopeDigest {
        try await writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT version, stage, score_total, grade, document, content_check, hash_high, hash_low FROM lead
                    """)
            var count = 0
            var high: Int64 = 0
            var low: Int64 = 0
            while let row = try rows.next() {
                let stored: Int64? = row[5]
                let check = try row.withUnsafeData(atIndex: 4) { document in
                    LeadContentCheck.of(
                        version: row[0], stage: row[1], scoreTotal: row[2], grade: row[3], document: document ?? Data())
                }
                guard check == stored else { continue }
                count += 1
                high &+= row[6]
                low &+= row[7]
            }
            return ScopeDigest(
                count: count, hash: (UInt64(truncatingIfNeeded: high) << 32) &+ UInt64(truncatingIfNeeded: low))
        }
    }

    /// Deletes every lead and the cursor and digest; the outbox and the session stay.
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

    /// Stores the sync time, the verified scope count and hash, and the limits the last page
    /// stated (kept as they were when it stated none).
    public func recordSyncCompleted(at date: Date, digest: ScopeDigest, limits: SyncLimits?) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE sync_state SET last_sync_at = ?, scope_count = ?, scope_hash = ?,
                        max_request_bytes = coalesce(?, max_request_bytes),
                        max_mutations_per_push = coalesce(?, max_mutations_per_push),
                        max_note_length = coalesce(?, max_note_length)
                    WHERE singleton = 1
                    """,
                arguments: [
                    date.timeIntervalSince1970, digest.count, digest.hashText, limits?.maxRequestBytes,
                    limits?.maxMutationsPerPush, limits?.maxNoteLength,
                ])
        }
    }
}
