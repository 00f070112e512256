import Foundation
import GRDB
import StoreContract

extension SQLiteLeadStore {
    /// The migrations that shape the push write path (issue 4's verdicts/s), registered after
    /// the hand-off ones by ``migrator``; like every migration, never edited once shipped.
    static func registerPushMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-push-write-path") { db in
            // `change_log_rep_lead` carries `kind`: a push's change-log batch reads each touched
            // lead's latest row (its sequence and kind) from the index alone, without a search of
            // the table per lead. The columns before it are unchanged, so every other use of the
            // index still applies.
            // `client_mutation_payload` becomes WITHOUT ROWID: its primary key is the table, so
            // recording and pruning a mutation's hash is one b-tree write instead of two (the
            // table and its primary-key index). Same columns and checks; the rows are copied.
            try db.execute(
                sql: """
                    DROP INDEX change_log_rep_lead;
                    CREATE INDEX change_log_rep_lead ON change_log (rep_id, lead_id, seq, kind);
                    CREATE TABLE client_mutation_payload_v5 (
                        client_id TEXT NOT NULL REFERENCES client_binding (client_id) ON DELETE CASCADE,
                        mutation_id INTEGER NOT NULL,
                        payload_hash TEXT NOT NULL CHECK (length(payload_hash) = 16),
                        outcome TEXT NOT NULL CHECK (outcome <> ''),
                        applied_at REAL NOT NULL,
                        PRIMARY KEY (client_id, mutation_id)
                    ) STRICT, WITHOUT ROWID;
                    INSERT INTO client_mutation_payload_v5 (client_id, mutation_id, payload_hash, outcome, applied_at)
                        SELECT client_id, mutation_id, payload_hash, outcome, applied_at FROM client_mutation_payload;
                    DROP TABLE client_mutation_payload;
                    ALTER TABLE client_mutation_payload_v5 RENAME TO client_mutation_payload;
                    """)
            // `stage_change` is rebuilt with its word lists checked by `=` comparisons joined by OR
            // instead of `IN (…)`: the same values are allowed, but SQLite builds a lookup table
            // for an IN list of more than two words each time it checks a row, about 1.2 µs per
            // list, and a push writes one history row per verdict (measured on SQLite 3.40: 9.3 µs
            // per row with the IN lists, 5.7 µs with OR, 5.5 µs with no checks at all). Rows,
            // ids and the AUTOINCREMENT sequence are carried over; the index and the rejection
            // trigger (dropped with the old table) are created again as they were.
            try db.execute(
                sql: """
                    CREATE TABLE stage_change_v5 (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        lead_id TEXT NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        from_stage TEXT NOT NULL CHECK (
                            from_stage = 'new' OR from_stage = 'nurturing' OR from_stage = 'mql'
                            OR from_stage = 'assigned' OR from_stage = 'accepted' OR from_stage = 'converted'
                            OR from_stage = 'recycled' OR from_stage = 'disqualified'),
                        to_stage TEXT NOT NULL CHECK (
                            to_stage = 'new' OR to_stage = 'nurturing' OR to_stage = 'mql'
                            OR to_stage = 'assigned' OR to_stage = 'accepted' OR to_stage = 'converted'
                            OR to_stage = 'recycled' OR to_stage = 'disqualified'),
                        "trigger" TEXT NOT NULL CHECK (
                            "trigger" = 'score' OR "trigger" = 'route' OR "trigger" = 'accept'
                            OR "trigger" = 'convert' OR "trigger" = 'reject_recyclable'
                            OR "trigger" = 'reject_terminal' OR "trigger" = 'reassign'
                            OR "trigger" = 'cool_down_ended' OR "trigger" = 'admin_reopen'),
                        actor TEXT NOT NULL CHECK (actor <> ''),
                        at REAL NOT NULL,
                        reason TEXT CHECK (reason IS NULL
                            OR reason = 'no_budget' OR reason = 'no_authority' OR reason = 'no_need'
                            OR reason = 'bad_timing' OR reason = 'no_response' OR reason = 'bad_contact_data'
                            OR reason = 'not_icp' OR reason = 'competitor' OR reason = 'student_or_job_seeker'
                            OR reason = 'existing_customer' OR reason = 'duplicate' OR reason = 'spam'
                            OR reason = 'other'),
                        note TEXT,
                        model_version INTEGER REFERENCES scoring_model (version) ON DELETE RESTRICT
                    ) STRICT;
                    INSERT INTO stage_change_v5
                        (id, lead_id, from_stage, to_stage, "trigger", actor, at, reason, note, model_version)
                        SELECT id, lead_id, from_stage, to_stage, "trigger", actor, at, reason, note, model_version
                        FROM stage_change ORDER BY id;
                    DELETE FROM sqlite_sequence WHERE name = 'stage_change_v5';
                    INSERT INTO sqlite_sequence (name, seq)
                        SELECT 'stage_change_v5', seq FROM sqlite_sequence WHERE name = 'stage_change';
                    DROP TABLE stage_change;
                    ALTER TABLE stage_change_v5 RENAME TO stage_change;
                    CREATE INDEX stage_change_lead ON stage_change (lead_id, id);
                    CREATE TRIGGER lead_rejection_capture AFTER INSERT ON stage_change
                    WHEN NEW."trigger" IN ('reject_recyclable', 'reject_terminal')
                    BEGIN
                        INSERT INTO lead_rejection (lead_id, reason, rejected_at, score_at_rejection)
                        VALUES (NEW.lead_id, NEW.reason, NEW.at,
                            (SELECT total FROM lead_score WHERE lead_id = NEW.lead_id AND is_current = 1))
                        ON CONFLICT (lead_id) DO UPDATE SET reason = excluded.reason,
                            rejected_at = excluded.rejected_at, score_at_rejection = excluded.score_at_rejection,
                            cool_down_until = NULL;
                    END;
                    """)
            // `lead` likewise, for its `stage` CHECK: every stage move (a verdict, a hand-off, a
            // scoring run's move to `mql`) checks it (measured: 2.57 µs per moved row with the IN
            // list, 1.47 µs with OR). The table is rebuilt with its rowids, so import order
            // (`ORDER BY rowid`) is kept; foreign keys from the other tables name the table, so
            // they point at the rebuilt one (GRDB runs migrations with foreign keys off and checks
            // them at the end). Its three indexes are created again as they were.
            try db.execute(
                sql: """
                    CREATE TABLE lead_v5 (
                        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
                        dedupe_key TEXT NOT NULL UNIQUE CHECK (dedupe_key <> ''),
                        external_id TEXT UNIQUE CHECK (external_id <> ''),
                        first_name TEXT,
                        last_name TEXT,
                        email TEXT,
                        email_normalized TEXT,
                        email_valid INTEGER CHECK (email_valid IN (0, 1)),
                        phone TEXT,
                        company TEXT,
                        title TEXT,
                        country TEXT,
                        city TEXT,
                        source TEXT,
                        do_not_email INTEGER NOT NULL DEFAULT 0 CHECK (do_not_email IN (0, 1)),
                        do_not_call INTEGER NOT NULL DEFAULT 0 CHECK (do_not_call IN (0, 1)),
                        created_at REAL,
                        stage TEXT NOT NULL DEFAULT 'new' CHECK (
                            stage = 'new' OR stage = 'nurturing' OR stage = 'mql' OR stage = 'assigned'
                            OR stage = 'accepted' OR stage = 'converted' OR stage = 'recycled'
                            OR stage = 'disqualified'),
                        attributes TEXT NOT NULL DEFAULT '{}'
                            CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
                        post_contact_attributes TEXT NOT NULL DEFAULT '{}'
                            CHECK (json_valid(post_contact_attributes)
                                AND json_type(post_contact_attributes) = 'object'),
                        outcome_won INTEGER CHECK (outcome_won IN (0, 1)),
                        outcome_label TEXT,
                        outcome_details TEXT CHECK (outcome_details IS NULL OR (
                            json_valid(outcome_details) AND json_type(outcome_details) = 'object')),
                        last_import_run TEXT CHECK (last_import_run IS NULL OR length(last_import_run) = 36),
                        imported_at REAL,
                        updated_at REAL NOT NULL,
                        CHECK ((email IS NULL) = (email_normalized IS NULL)),
                        CHECK ((email IS NULL) = (email_valid IS NULL)),
                        CHECK ((outcome_won IS NULL) = (outcome_label IS NULL)),
                        CHECK (outcome_won IS NOT NULL OR outcome_details IS NULL)
                    ) STRICT;
                    INSERT INTO lead_v5 (rowid,
                        id, dedupe_key, external_id, first_name, last_name, email, email_normalized,
                        email_valid, phone, company, title, country, city, source, do_not_email,
                        do_not_call, created_at, stage, attributes, post_contact_attributes, outcome_won,
                        outcome_label, outcome_details, last_import_run, imported_at, updated_at)
                    SELECT rowid,
                        id, dedupe_key, external_id, first_name, last_name, email, email_normalized,
                        email_valid, phone, company, title, country, city, source, do_not_email,
                        do_not_call, created_at, stage, attributes, post_contact_attributes, outcome_won,
                        outcome_label, outcome_details, last_import_run, imported_at, updated_at
                    FROM lead ORDER BY rowid;
                    DROP TABLE lead;
                    ALTER TABLE lead_v5 RENAME TO lead;
                    CREATE INDEX lead_stage ON lead (stage);
                    CREATE INDEX lead_source ON lead (source);
                    CREATE INDEX lead_email_normalized ON lead (email_normalized);
                    """)
        }
        migrator.registerMigration("v6-push-batch-payloads") { db in
            // A push's recorded payload hashes become one row per push instead of one per
            // mutation: the ids a push records are always a run (each is the last applied id
            // plus one), so the row holds the run's first and last ids, the hashes of the ids in
            // order (16 hex digits each) and their outcomes (a JSON array of words). Recording
            // 100 verdicts is one b-tree insert, not 100, and pruning deletes whole rows. The
            // rows of `client_mutation_payload` are carried over as runs of one.
            try db.execute(
                sql: """
                    CREATE TABLE client_mutation_batch (
                        client_id TEXT NOT NULL REFERENCES client_binding (client_id) ON DELETE CASCADE,
                        last_mutation_id INTEGER NOT NULL,
                        first_mutation_id INTEGER NOT NULL CHECK (first_mutation_id <= last_mutation_id),
                        payload_hashes TEXT NOT NULL
                            CHECK (length(payload_hashes) = 16 * (last_mutation_id - first_mutation_id + 1)),
                        outcomes TEXT NOT NULL CHECK (json_valid(outcomes)
                            AND json_array_length(outcomes) = last_mutation_id - first_mutation_id + 1),
                        applied_at REAL NOT NULL,
                        PRIMARY KEY (client_id, last_mutation_id)
                    ) STRICT, WITHOUT ROWID;
                    INSERT INTO client_mutation_batch
                        (client_id, last_mutation_id, first_mutation_id, payload_hashes, outcomes, applied_at)
                        SELECT client_id, mutation_id, mutation_id, payload_hash, json_array(outcome), applied_at
                        FROM client_mutation_payload;
                    DROP TABLE client_mutation_payload;
                    """)
        }
    }
}
