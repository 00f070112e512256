import Foundation

extension PostgresLeadStore {
    /// The schema, as named migrations applied in order, each in its own transaction, recorded in
    /// `leadrelay_migration`; never edited once shipped. The same tables and constraints as the
    /// SQLite store's (SPEC §3, §5), in PostgreSQL's types: ids and other keys are `TEXT COLLATE "C"`
    /// (byte order, as SQLite compares them, whatever the database's locale), instants
    /// `DOUBLE PRECISION` seconds since 1970-01-01 UTC (as SQLite's REAL), JSON documents `TEXT`
    /// holding the canonical text the SQLite store writes (so documents and digests are the same
    /// bytes on both stores). No triggers: the store's code writes its bookkeeping.
    static let migrations: [(name: String, sql: String)] = [
        (
            "v1-schema",
            """
            CREATE TABLE store_meta (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                epoch TEXT NOT NULL CHECK (length(epoch) = 36),
                created_at DOUBLE PRECISION NOT NULL
            );
            CREATE TABLE scoring_model (
                version INTEGER PRIMARY KEY CHECK (version >= 1),
                document TEXT NOT NULL CHECK (document <> ''),
                created_at DOUBLE PRECISION NOT NULL,
                created_by TEXT NOT NULL CHECK (created_by <> ''),
                note TEXT
            );
            CREATE TABLE lead (
                id TEXT COLLATE "C" PRIMARY KEY CHECK (length(id) = 36),
                dedupe_key TEXT COLLATE "C" NOT NULL UNIQUE CHECK (dedupe_key <> ''),
                external_id TEXT COLLATE "C" UNIQUE CHECK (external_id <> ''),
                first_name TEXT,
                last_name TEXT,
                email TEXT,
                email_normalized TEXT COLLATE "C",
                email_valid BOOLEAN,
                phone TEXT,
                company TEXT,
                title TEXT,
                country TEXT,
                city TEXT,
                source TEXT COLLATE "C",
                do_not_email BOOLEAN NOT NULL DEFAULT FALSE,
                do_not_call BOOLEAN NOT NULL DEFAULT FALSE,
                created_at DOUBLE PRECISION,
                stage TEXT NOT NULL DEFAULT 'new' CHECK (stage IN (
                    'new', 'nurturing', 'mql', 'assigned', 'accepted', 'converted', 'recycled', 'disqualified')),
                attributes TEXT NOT NULL DEFAULT '{}',
                post_contact_attributes TEXT NOT NULL DEFAULT '{}',
                outcome_won BOOLEAN,
                outcome_label TEXT,
                outcome_details TEXT,
                last_import_run TEXT CHECK (last_import_run IS NULL OR length(last_import_run) = 36),
                imported_at DOUBLE PRECISION,
                updated_at DOUBLE PRECISION NOT NULL,
                import_order BIGSERIAL NOT NULL,
                CHECK ((email IS NULL) = (email_normalized IS NULL)),
                CHECK ((email IS NULL) = (email_valid IS NULL)),
                CHECK ((outcome_won IS NULL) = (outcome_label IS NULL)),
                CHECK (outcome_won IS NOT NULL OR outcome_details IS NULL)
            );
            CREATE INDEX lead_stage ON lead (stage);
            CREATE INDEX lead_source ON lead (source);
            CREATE INDEX lead_email_normalized ON lead (email_normalized);
            CREATE TABLE stage_change (
                id BIGSERIAL PRIMARY KEY,
                lead_id TEXT COLLATE "C" NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                from_stage TEXT NOT NULL CHECK (from_stage IN (
                    'new', 'nurturing', 'mql', 'assigned', 'accepted', 'converted', 'recycled', 'disqualified')),
                to_stage TEXT NOT NULL CHECK (to_stage IN (
                    'new', 'nurturing', 'mql', 'assigned', 'accepted', 'converted', 'recycled', 'disqualified')),
                "trigger" TEXT NOT NULL CHECK ("trigger" IN (
                    'score', 'route', 'accept', 'convert', 'reject_recyclable', 'reject_terminal', 'reassign',
                    'cool_down_ended', 'admin_reopen')),
                actor TEXT NOT NULL CHECK (actor <> ''),
                at DOUBLE PRECISION NOT NULL,
                reason TEXT CHECK (reason IS NULL OR reason IN (
                    'no_budget', 'no_authority', 'no_need', 'bad_timing', 'no_response', 'bad_contact_data',
                    'not_icp', 'competitor', 'student_or_job_seeker', 'existing_customer', 'duplicate', 'spam',
                    'other')),
                note TEXT,
                model_version INTEGER REFERENCES scoring_model (version) ON DELETE RESTRICT
            );
            CREATE INDEX stage_change_lead ON stage_change (lead_id, id);
            CREATE INDEX stage_change_at ON stage_change (at);
            CREATE TABLE engagement_event (
                id TEXT COLLATE "C" PRIMARY KEY CHECK (length(id) = 36),
                lead_id TEXT COLLATE "C" NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                type TEXT NOT NULL CHECK (type <> ''),
                occurred_at DOUBLE PRECISION NOT NULL,
                value DOUBLE PRECISION,
                dedupe_key TEXT COLLATE "C" NOT NULL UNIQUE CHECK (dedupe_key <> ''),
                insert_order BIGSERIAL NOT NULL
            );
            CREATE INDEX engagement_event_lead ON engagement_event (lead_id, occurred_at);
            CREATE TABLE rep (
                id TEXT COLLATE "C" PRIMARY KEY CHECK (length(id) = 36),
                name TEXT NOT NULL CHECK (name <> ''),
                email TEXT NOT NULL CHECK (email <> ''),
                email_normalized TEXT COLLATE "C" NOT NULL UNIQUE CHECK (email_normalized <> ''),
                territory TEXT,
                capacity INTEGER NOT NULL CHECK (capacity >= 0),
                active BOOLEAN NOT NULL DEFAULT TRUE
            );
            CREATE TABLE lead_score (
                lead_id TEXT COLLATE "C" NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                model_version INTEGER NOT NULL REFERENCES scoring_model (version) ON DELETE RESTRICT,
                fit DOUBLE PRECISION NOT NULL,
                engagement DOUBLE PRECISION NOT NULL,
                total DOUBLE PRECISION NOT NULL,
                grade TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
                qualified BOOLEAN NOT NULL,
                contributions TEXT NOT NULL,
                scored_at DOUBLE PRECISION NOT NULL,
                is_current BOOLEAN NOT NULL,
                PRIMARY KEY (lead_id, model_version)
            );
            CREATE UNIQUE INDEX lead_score_current ON lead_score (lead_id) WHERE is_current;
            CREATE TABLE lead_assignment (
                lead_id TEXT COLLATE "C" PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
                rep_id TEXT COLLATE "C" NOT NULL REFERENCES rep (id) ON DELETE RESTRICT,
                assigned_at DOUBLE PRECISION NOT NULL,
                assigned_by TEXT NOT NULL CHECK (assigned_by <> '')
            );
            CREATE INDEX lead_assignment_rep ON lead_assignment (rep_id);
            CREATE TABLE change_log (
                seq BIGINT PRIMARY KEY,
                rep_id TEXT COLLATE "C" NOT NULL CHECK (length(rep_id) = 36),
                lead_id TEXT COLLATE "C" NOT NULL CHECK (length(lead_id) = 36),
                kind TEXT NOT NULL CHECK (kind IN ('upsert', 'removal')),
                removal_reason TEXT CHECK (removal_reason IS NULL OR removal_reason IN (
                    'reassigned', 'recycled', 'disqualified', 'converted', 'deleted')),
                at DOUBLE PRECISION NOT NULL,
                scope_count INTEGER NOT NULL CHECK (scope_count >= 0),
                scope_hash BIGINT NOT NULL,
                CHECK ((kind = 'removal') = (removal_reason IS NOT NULL))
            );
            CREATE SEQUENCE change_log_seq AS BIGINT;
            CREATE INDEX change_log_rep ON change_log (rep_id, seq);
            CREATE INDEX change_log_rep_lead ON change_log (rep_id, lead_id, seq, kind);
            CREATE INDEX change_log_removal_at ON change_log (at) WHERE kind = 'removal';
            CREATE TABLE change_log_horizon (
                rep_id TEXT COLLATE "C" PRIMARY KEY CHECK (length(rep_id) = 36),
                pruned_through BIGINT NOT NULL CHECK (pruned_through >= 0)
            );
            CREATE TABLE device_token (
                token_hash TEXT COLLATE "C" PRIMARY KEY CHECK (length(token_hash) = 64),
                rep_id TEXT COLLATE "C" NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
                created_at DOUBLE PRECISION NOT NULL,
                revoked_at DOUBLE PRECISION
            );
            CREATE INDEX device_token_rep ON device_token (rep_id);
            CREATE TABLE client_binding (
                client_id TEXT COLLATE "C" PRIMARY KEY CHECK (client_id <> ''),
                rep_id TEXT COLLATE "C" NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
                first_seen_at DOUBLE PRECISION NOT NULL,
                last_applied_id BIGINT
            );
            CREATE TABLE client_mutation_batch (
                client_id TEXT COLLATE "C" NOT NULL REFERENCES client_binding (client_id) ON DELETE CASCADE,
                last_mutation_id BIGINT NOT NULL,
                first_mutation_id BIGINT NOT NULL CHECK (first_mutation_id <= last_mutation_id),
                payload_hashes TEXT NOT NULL
                    CHECK (length(payload_hashes) = 16 * (last_mutation_id - first_mutation_id + 1)),
                outcomes TEXT NOT NULL,
                applied_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (client_id, last_mutation_id)
            );
            CREATE TABLE rep_note (
                id BIGSERIAL PRIMARY KEY,
                lead_id TEXT COLLATE "C" NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                rep_id TEXT COLLATE "C" NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
                text TEXT NOT NULL CHECK (text <> ''),
                created_at DOUBLE PRECISION NOT NULL
            );
            CREATE INDEX rep_note_lead ON rep_note (lead_id, id);
            CREATE TABLE lead_cool_down (
                lead_id TEXT COLLATE "C" PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
                until DOUBLE PRECISION NOT NULL
            );
            CREATE TABLE sla_breach (
                id BIGSERIAL PRIMARY KEY,
                lead_id TEXT COLLATE "C" NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                rep_id TEXT COLLATE "C" NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
                assigned_at DOUBLE PRECISION NOT NULL,
                deadline DOUBLE PRECISION NOT NULL CHECK (deadline >= assigned_at),
                detected_at DOUBLE PRECISION NOT NULL,
                escalated_to TEXT COLLATE "C" REFERENCES rep (id) ON DELETE SET NULL,
                UNIQUE (lead_id, rep_id, assigned_at)
            );
            CREATE INDEX sla_breach_rep ON sla_breach (rep_id);
            CREATE TABLE routing_overflow (
                lead_id TEXT COLLATE "C" PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
                territory TEXT NOT NULL,
                since DOUBLE PRECISION NOT NULL
            );
            CREATE TABLE lead_merge (
                lead_id TEXT COLLATE "C" PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
                into_lead_id TEXT COLLATE "C" NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                at DOUBLE PRECISION NOT NULL,
                CHECK (lead_id <> into_lead_id)
            );
            CREATE TABLE disposition_follow_up (
                lead_id TEXT COLLATE "C" PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
                reason TEXT NOT NULL CHECK (reason IN ('duplicate', 'existing_customer')),
                merged_into TEXT COLLATE "C" REFERENCES lead (id) ON DELETE SET NULL,
                account_owner TEXT COLLATE "C" REFERENCES rep (id) ON DELETE SET NULL,
                at DOUBLE PRECISION NOT NULL
            );
            CREATE TABLE lead_rejection (
                lead_id TEXT COLLATE "C" PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
                reason TEXT,
                rejected_at DOUBLE PRECISION NOT NULL,
                score_at_rejection DOUBLE PRECISION,
                cool_down_until DOUBLE PRECISION
            );
            CREATE TABLE lead_handoff (
                id BIGSERIAL PRIMARY KEY,
                lead_id TEXT COLLATE "C" NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                rep_id TEXT COLLATE "C" NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
                handed_at DOUBLE PRECISION NOT NULL,
                handed_by TEXT NOT NULL,
                score_total DOUBLE PRECISION,
                grade TEXT,
                model_version INTEGER,
                contributions TEXT NOT NULL DEFAULT '[]'
            );
            CREATE INDEX lead_handoff_lead ON lead_handoff (lead_id, id);
            CREATE TABLE routing_rules (
                version INTEGER PRIMARY KEY CHECK (version >= 1),
                document TEXT NOT NULL CHECK (document <> ''),
                created_at DOUBLE PRECISION NOT NULL,
                created_by TEXT NOT NULL CHECK (created_by <> ''),
                note TEXT
            );
            CREATE TABLE round_robin_credit (
                rep_id TEXT COLLATE "C" PRIMARY KEY REFERENCES rep (id),
                credit INTEGER NOT NULL
            );
            """
        ),
        (
            // A lead's stage moves with every verdict. While `stage` was indexed, each move was a
            // non-HOT update that wrote a new entry in every one of the lead's five indexes; without
            // it (and with room left on each page) a move is a heap-only update. The statements that
            // select by stage (routing's MQLs, listing leads by stage) are batch reads that scan the
            // table instead. No statement selects by source. (SQLite rewrites only the index entries
            // whose columns changed, so its schema keeps both indexes.) Measured with pgbench on a
            // push's statements, alternating with and without the stage index: 6–25 % more pushes/s.
            "v2-lead-stage-moves-are-heap-only-updates",
            """
            DROP INDEX IF EXISTS lead_source;
            DROP INDEX IF EXISTS lead_stage;
            ALTER TABLE lead SET (fillfactor = 85)
            """
        ),
        (
            // With `seq` the primary key alone, the planner answered "a rep's latest row"
            // (`WHERE rep_id = $1 ORDER BY seq DESC LIMIT 1`) by walking the whole log backwards
            // through it, filtering out every later row of other reps (5.3 ms at 24,000 rows, on
            // every page of a first sync), as soon as its statistics said the rep held many rows.
            // Keyed by `(rep_id, seq)`, every rep-scoped read has one index to take, and each
            // change-log row writes one index entry less. `seq` stays unique: one sequence gives it.
            "v3-change-log-keyed-by-rep-and-sequence",
            """
            ALTER TABLE change_log DROP CONSTRAINT change_log_pkey;
            ALTER TABLE change_log ADD PRIMARY KEY (rep_id, seq);
            DROP INDEX change_log_rep
            """
        ),
    ]

    /// Applies the migrations not yet applied, under a session advisory lock so that processes
    /// opening the same database at once migrate it once.
    static func migrate(_ session: PostgresSession, now: Date) throws {
        // Waits as long as another process's migration takes (the store's 5 s lock timeout is for
        // verbs, not for this).
        try session.execute("SET lock_timeout = 0")
        defer { _ = try? session.execute("SET lock_timeout = '\(PostgresContention.lockTimeoutSeconds)s'") }
        try session.execute("SELECT pg_advisory_lock(7365220001)")
        defer { _ = try? session.execute("SELECT pg_advisory_unlock(7365220001)") }
        try session.execute(
            """
            CREATE TABLE IF NOT EXISTS leadrelay_migration (
                name TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)
            """)
        let applied = Set(try session.rows("SELECT name FROM leadrelay_migration").map { try $0.requiredText(0) })
        for migration in migrations where !applied.contains(migration.name) {
            do {
                try session.execute("BEGIN")
                // One statement per message: the extended protocol takes no multi-statement text.
                for statement in migration.sql.components(separatedBy: ";\n")
                where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    try session.execute(statement)
                }
                try session.execute(
                    "INSERT INTO leadrelay_migration (name, applied_at) VALUES ($1, $2)",
                    [migration.name, now.timeIntervalSince1970])
                try session.execute("COMMIT")
            } catch {
                _ = try? session.execute("ROLLBACK")
                throw PostgresStoreError.migrationFailed(name: migration.name, message: String(reflecting: error))
            }
        }
        if try session.rows("SELECT 1 FROM store_meta").isEmpty {
            try session.execute(
                "INSERT INTO store_meta (singleton, epoch, created_at) VALUES (1, $1, $2) ON CONFLICT DO NOTHING",
                [UUID().uuidString.lowercased(), now.timeIntervalSince1970])
        }
    }
}
