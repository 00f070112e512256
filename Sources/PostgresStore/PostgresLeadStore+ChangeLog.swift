import Foundation
import LeadModel
import PostgresNIO
import StoreContract
import SyncProtocol

extension PostgresLeadStore {
    /// Takes the transaction-level advisory lock of each rep's change log, in id order, held until
    /// the transaction ends: every writer of a rep's scope takes its sequence values and commits
    /// after the one before it, so a rep's rows become visible in sequence order, whichever process
    /// wrote them (ARCHITECTURE.md, "Several processes"). Taking a lock twice is harmless.
    /// The locks are enqueued: every later statement of the session runs after they are held.
    static func lockScopes(_ repIDs: some Sequence<String>, in session: PostgresSession) {
        for rep in Set(repIDs).sorted() {
            session.enqueue("SELECT pg_advisory_xact_lock(hashtextextended($1, 7365220002))", [rep])
        }
    }

    /// Appends change-log rows to one rep's scope, in the order given (a lead named twice keeps
    /// one row, its last change), carrying the scope digest forward (SPEC §5 rule 8). A removal of
    /// a lead that is not in the scope writes nothing.
    /// - Returns: the sequence of the last row written, or `nil` when none was.
    @discardableResult
    static func appendChangeLog(
        repID: String, changes: [(leadID: String, removal: RemovalReason?)], at date: Date, in session: PostgresSession
    ) throws -> Int64? {
        guard !changes.isEmpty else { return nil }
        let reads = sendChangeLogReads(repID: repID, leadIDs: changes.map(\.leadID), in: session)
        return try appendChangeLog(repID: repID, changes: changes, reads: reads, at: date, in: session)
    }

    /// Takes the rep's change-log lock and sends what appending rows for `leadIDs` needs to read
    /// (the scope's digest, each lead's latest row, one sequence value per lead) as one statement
    /// answering one row of arrays, pipelined with whatever the session sent before: a push sends
    /// it with its lead reads. The values are taken under the scope's lock (in commit order); one
    /// not used (a removal of a lead not in the scope) is a gap, which pulls allow. Each lead's
    /// latest row is one probe of the `(rep_id, lead_id, seq)` index: as one `lead_id = ANY(…)`
    /// scan the planner filtered the rep's whole scope (O(scope) per push).
    static func sendChangeLogReads(repID: String, leadIDs: [String], in session: PostgresSession)
        -> PendingChangeLogReads
    {
        let leads = Array(Set(leadIDs))
        lockScopes([repID], in: session)
        let reads = session.sendRows(
            """
            SELECT d.scope_count, d.scope_hash, l.leads, l.seqs, l.kinds,
                ARRAY(SELECT nextval('change_log_seq') FROM generate_series(1::bigint, $3::bigint))
            FROM (SELECT 1) AS one
            LEFT JOIN LATERAL (
                SELECT scope_count, scope_hash FROM change_log WHERE rep_id = $1 ORDER BY seq DESC LIMIT 1
            ) AS d ON true
            CROSS JOIN LATERAL (
                SELECT array_agg(t.lead_id) AS leads, array_agg(c.seq) AS seqs, array_agg(c.kind) AS kinds
                FROM unnest($2::text[]) AS t(lead_id)
                CROSS JOIN LATERAL (
                    SELECT seq, kind FROM change_log WHERE rep_id = $1 AND lead_id = t.lead_id
                    ORDER BY seq DESC LIMIT 1
                ) AS c
            ) AS l
            """, [SQLValue.text(repID), .texts(leads), .integer(Int64(leads.count))])
        return PendingChangeLogReads(leadIDs: Set(leads), reads: reads)
    }

    /// Appends the change-log rows (see ``appendChangeLog(repID:changes:at:in:)``) from reads sent
    /// for (at least) the changes' leads.
    /// - Throws: a database error.
    @discardableResult
    static func appendChangeLog(
        repID: String, changes: [(leadID: String, removal: RemovalReason?)], reads: PendingChangeLogReads,
        at date: Date, in session: PostgresSession
    ) throws -> Int64? {
        var order: [String] = []
        var lastChange: [String: RemovalReason?] = [:]
        for change in changes {
            precondition(reads.leadIDs.contains(change.leadID), "change-log reads sent without this lead")
            if lastChange.updateValue(change.removal, forKey: change.leadID) == nil { order.append(change.leadID) }
        }
        guard let row = try reads.reads.wait().first else { return nil }
        var digest = ScopeDigest.empty
        if let count = try row.int64(0), let hash = try row.int64(1) {
            digest = ScopeDigest(count: Int(count), hash: UInt64(bitPattern: hash))
        }
        let latestLeads = try row[2].decode([String]?.self) ?? []
        let latestSeqs = try row[3].decode([Int64]?.self) ?? []
        let latestKinds = try row[4].decode([String]?.self) ?? []
        let sequences = (try row[5].decode([Int64].self)).sorted()
        var latest: [String: (seq: Int64, isUpsert: Bool)] = [:]
        for (lead, (seq, kind)) in zip(latestLeads, zip(latestSeqs, latestKinds)) {
            latest[lead] = (seq, kind == "upsert")
        }
        guard !order.isEmpty else { return nil }
        // Which leads get a row: a removal only of a lead in the scope.
        let rowLeads = order.filter { lead in (lastChange[lead] ?? nil) == nil || latest[lead]?.isUpsert == true }
        guard !rowLeads.isEmpty else { return nil }
        var seqs: [Int64] = []
        var kinds: [String] = []
        var reasons: [String] = []
        var counts: [Int64] = []
        var hashes: [Int64] = []
        for (lead, seq) in zip(rowLeads, sequences) {
            let removal = lastChange[lead] ?? nil
            let previous = latest[lead]
            if removal != nil, let previous {
                digest.remove(leadIDText: lead, version: previous.seq)
            } else if let previous, previous.isUpsert {
                digest.update(leadIDText: lead, from: previous.seq, to: seq)
            } else {
                digest.insert(leadIDText: lead, version: seq)
            }
            seqs.append(seq)
            kinds.append(removal == nil ? "upsert" : "removal")
            reasons.append(removal?.rawValue ?? "")
            counts.append(Int64(digest.count))
            hashes.append(Int64(bitPattern: digest.hash))
        }
        session.enqueue(
            """
            INSERT INTO change_log (seq, rep_id, lead_id, kind, removal_reason, at, scope_count, scope_hash)
            SELECT s, $1, l, k, NULLIF(r, ''), $2, c, h
            FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[]) AS t(s, l, k, r, c, h)
            """,
            [
                SQLValue.text(repID), .double(date.timeIntervalSince1970), .integers(seqs), .texts(rowLeads),
                .texts(kinds),
                .texts(reasons), .integers(counts), .integers(hashes),
            ])
        let written = seqs.last
        return written
    }

    static func logUpsert(repID: String, leadID: String, at date: Date, in session: PostgresSession) throws {
        try appendChangeLog(repID: repID, changes: [(leadID, nil)], at: date, in: session)
    }

    static func logRemoval(
        repID: String, leadID: String, reason: RemovalReason, at date: Date, in session: PostgresSession
    ) throws {
        try appendChangeLog(repID: repID, changes: [(leadID, reason)], at: date, in: session)
    }

    /// An upsert in the owner's scope when the lead has one (its content changed).
    static func logUpsertForOwner(leadID: String, at date: Date, in session: PostgresSession) throws {
        guard let owner = try owner(leadID: leadID, in: session) else { return }
        try logUpsert(repID: owner, leadID: leadID, at: date, in: session)
    }

    /// The owner's change-log row for a stage move: an upsert while the lead stays in the rep's
    /// scope, else the owner goes and a removal with the matching reason is logged.
    static func logStageChange(leadID: String, to stage: LifecycleStage, at date: Date, in session: PostgresSession)
        throws
    {
        guard let owner = try owner(leadID: leadID, in: session) else { return }
        if stage.isInRepScope {
            try logUpsert(repID: owner, leadID: leadID, at: date, in: session)
            return
        }
        let reason: RemovalReason
        switch stage {
        case .recycled, .nurturing, .new, .mql: reason = .recycled
        case .disqualified: reason = .disqualified
        case .converted: reason = .converted
        case .assigned, .accepted: return
        }
        try session.execute("DELETE FROM lead_assignment WHERE lead_id = $1", [leadID])
        try logRemoval(repID: owner, leadID: leadID, reason: reason, at: date, in: session)
    }

    static func owner(leadID: String, in session: PostgresSession) throws -> String? {
        try session.rows("SELECT rep_id FROM lead_assignment WHERE lead_id = $1", [leadID]).first?.requiredText(0)
    }

    /// The rep's scope digest after its row at `seq` (the latest row when `nil`).
    static func digest(repID: String, atOrBefore seq: Int64?, in session: PostgresSession) throws -> ScopeDigest {
        let rows =
            if let seq {
                try session.rows(
                    """
                    SELECT scope_count, scope_hash FROM change_log WHERE rep_id = $1 AND seq <= $2
                    ORDER BY seq DESC LIMIT 1
                    """, [repID, seq])
            } else {
                try session.rows(
                    "SELECT scope_count, scope_hash FROM change_log WHERE rep_id = $1 ORDER BY seq DESC LIMIT 1",
                    [repID])
            }
        return try scopeDigest(rows)
    }

    /// The digest stored in a change-log row read as `scope_count, scope_hash` (empty without one).
    private static func scopeDigest(_ rows: [PostgresRandomAccessRow]) throws -> ScopeDigest {
        guard let row = rows.first else { return .empty }
        return ScopeDigest(count: Int(try row.requiredInt64(0)), hash: UInt64(bitPattern: try row.requiredInt64(1)))
    }
}
