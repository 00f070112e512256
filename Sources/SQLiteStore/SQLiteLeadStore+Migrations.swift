import Foundation
import GRDB
import StoreContract

extension SQLiteLeadStore {
    /// The production schema, as named migrations applied in order.
    ///
    /// Migrations are never edited once shipped and never use application types: the stage,
    /// trigger and reason-code lists in the CHECKs are spelled out here as they were when each
    /// migration was written (SPEC §3.1, §3.2). Instants are stored as REAL seconds since
    /// 1970-01-01 UTC; booleans as INTEGER 0/1; JSON documents as TEXT checked by `json_valid`.
    /// Tables are STRICT, so SQLite itself refuses a value of the wrong type.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1-store-meta") { db in
            try db.execute(
                sql: """
                    CREATE TABLE store_meta (
                        singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
                        epoch TEXT NOT NULL CHECK (length(epoch) = 36),
                        created_at REAL NOT NULL
                    ) STRICT;
                    INSERT INTO store_meta (singleton, epoch, created_at) VALUES (1, ?, ?);
                    """,
                arguments: [UUID().uuidString.lowercased(), Date().timeIntervalSince1970])
        }

        migrator.registerMigration("v1-leads") { db in
            try db.execute(
                sql: """
                    CREATE TABLE lead (
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
                        stage TEXT NOT NULL DEFAULT 'new' CHECK (stage IN (
                            'new', 'nurturing', 'mql', 'assigned', 'accepted', 'converted',
                            'recycled', 'disqualified')),
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
                    CREATE INDEX lead_stage ON lead (stage);
                    CREATE INDEX lead_source ON lead (source);
                    CREATE INDEX lead_email_normalized ON lead (email_normalized);
                    """)
        }

        migrator.registerMigration("v1-scoring-models") { db in
            try db.execute(
                sql: """
                    CREATE TABLE scoring_model (
                        version INTEGER PRIMARY KEY NOT NULL CHECK (version >= 1),
                        document TEXT NOT NULL CHECK (document <> ''),
                        created_at REAL NOT NULL,
                        created_by TEXT NOT NULL CHECK (created_by <> ''),
                        note TEXT
                    ) STRICT;
                    """)
        }

        migrator.registerMigration("v1-stage-changes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE stage_change (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        lead_id TEXT NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        from_stage TEXT NOT NULL CHECK (from_stage IN (
                            'new', 'nurturing', 'mql', 'assigned', 'accepted', 'converted',
                            'recycled', 'disqualified')),
                        to_stage TEXT NOT NULL CHECK (to_stage IN (
                            'new', 'nurturing', 'mql', 'assigned', 'accepted', 'converted',
                            'recycled', 'disqualified')),
                        "trigger" TEXT NOT NULL CHECK ("trigger" IN (
                            'score', 'route', 'accept', 'convert', 'reject_recyclable',
                            'reject_terminal', 'reassign', 'cool_down_ended', 'admin_reopen')),
                        actor TEXT NOT NULL CHECK (actor <> ''),
                        at REAL NOT NULL,
                        reason TEXT CHECK (reason IS NULL OR reason IN (
                            'no_budget', 'no_authority', 'no_need', 'bad_timing', 'no_response',
                            'bad_contact_data', 'not_icp', 'competitor', 'student_or_job_seeker',
                            'existing_customer', 'duplicate', 'spam', 'other')),
                        note TEXT,
                        model_version INTEGER REFERENCES scoring_model (version) ON DELETE RESTRICT
                    ) STRICT;
                    CREATE INDEX stage_change_lead ON stage_change (lead_id, id);
                    """)
        }

        migrator.registerMigration("v1-engagement-events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE engagement_event (
                        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
                        lead_id TEXT NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        type TEXT NOT NULL CHECK (type <> ''),
                        occurred_at REAL NOT NULL,
                        value REAL,
                        dedupe_key TEXT NOT NULL UNIQUE CHECK (dedupe_key <> '')
                    ) STRICT;
                    CREATE INDEX engagement_event_lead ON engagement_event (lead_id, occurred_at);
                    """)
        }

        migrator.registerMigration("v1-reps") { db in
            try db.execute(
                sql: """
                    CREATE TABLE rep (
                        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
                        name TEXT NOT NULL CHECK (name <> ''),
                        email TEXT NOT NULL CHECK (email <> ''),
                        email_normalized TEXT NOT NULL UNIQUE CHECK (email_normalized <> ''),
                        territory TEXT,
                        capacity INTEGER NOT NULL CHECK (capacity >= 0),
                        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
                    ) STRICT;
                    """)
        }

        migrator.registerMigration("v1-lead-scores") { db in
            try db.execute(
                sql: """
                    CREATE TABLE lead_score (
                        lead_id TEXT NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        model_version INTEGER NOT NULL
                            REFERENCES scoring_model (version) ON DELETE RESTRICT,
                        fit REAL NOT NULL,
                        engagement REAL NOT NULL,
                        total REAL NOT NULL,
                        grade TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
                        qualified INTEGER NOT NULL CHECK (qualified IN (0, 1)),
                        contributions TEXT NOT NULL
                            CHECK (json_valid(contributions) AND json_type(contributions) = 'array'),
                        scored_at REAL NOT NULL,
                        is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),
                        PRIMARY KEY (lead_id, model_version)
                    ) STRICT;
                    CREATE UNIQUE INDEX lead_score_current ON lead_score (lead_id) WHERE is_current = 1;
                    """)
        }

        registerSyncMigrations(&migrator)
        registerHandoffMigrations(&migrator)
        registerPushMigrations(&migrator)
        registerBookkeepingMigrations(&migrator)
        return migrator
    }
}
