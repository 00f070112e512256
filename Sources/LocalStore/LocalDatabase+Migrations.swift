import GRDB

extension LocalDatabase {
    /// The named migrations of the device database, in order. Never edit one once shipped: add
    /// another. They use SQL only, no application types.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-sync-state") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sync_state (
                        singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
                        server_url TEXT NOT NULL CHECK (server_url <> ''),
                        token TEXT CHECK (token <> ''),
                        rep_id TEXT,
                        client_id TEXT NOT NULL CHECK (client_id <> ''),
                        next_mutation_id INTEGER NOT NULL DEFAULT 1 CHECK (next_mutation_id >= 1),
                        cursor TEXT,
                        epoch TEXT,
                        last_sync_at REAL,
                        scope_count INTEGER CHECK (scope_count >= 0),
                        scope_hash TEXT CHECK (length(scope_hash) = 16),
                        CHECK ((cursor IS NULL) = (epoch IS NULL))
                    ) STRICT
                    """)
        }
        migrator.registerMigration("v1-leads") { db in
            try db.execute(
                sql: """
                    CREATE TABLE lead (
                        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36 AND id = lower(id)),
                        version INTEGER NOT NULL CHECK (version >= 0),
                        stage TEXT NOT NULL CHECK (stage IN ('assigned', 'accepted')),
                        score_total REAL,
                        grade TEXT CHECK (grade IN ('A', 'B', 'C', 'D')),
                        assigned_at REAL NOT NULL,
                        label TEXT NOT NULL,
                        hash_high INTEGER NOT NULL CHECK (hash_high BETWEEN 0 AND 4294967295),
                        hash_low INTEGER NOT NULL CHECK (hash_low BETWEEN 0 AND 4294967295),
                        document BLOB NOT NULL
                    ) STRICT;
                    CREATE INDEX lead_by_score ON lead (score_total DESC, assigned_at);
                    CREATE INDEX lead_by_age ON lead (assigned_at);
                    CREATE TABLE removal (
                        lead_id TEXT PRIMARY KEY NOT NULL,
                        reason TEXT NOT NULL
                            CHECK (reason IN ('reassigned', 'recycled', 'disqualified', 'converted', 'deleted')),
                        label TEXT,
                        removed_at_sequence INTEGER NOT NULL
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v1-outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE outbox (
                        mutation_id INTEGER PRIMARY KEY NOT NULL CHECK (mutation_id >= 1),
                        lead_id TEXT NOT NULL CHECK (length(lead_id) = 36),
                        intent TEXT NOT NULL
                            CHECK (intent IN ('accept', 'reject', 'convert', 'addNote', 'correctContact')),
                        payload BLOB NOT NULL,
                        lead_label TEXT NOT NULL,
                        state TEXT NOT NULL DEFAULT 'queued'
                            CHECK (state IN ('queued', 'sent', 'applied', 'refused')),
                        refusal_code TEXT,
                        queued_at REAL NOT NULL,
                        sent_at REAL,
                        answered_at REAL,
                        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                        CHECK ((state = 'refused') = (refusal_code IS NOT NULL)),
                        CHECK (state = 'queued' OR sent_at IS NOT NULL)
                    ) STRICT;
                    CREATE INDEX outbox_unsent ON outbox (mutation_id) WHERE state IN ('queued', 'sent');
                    CREATE INDEX outbox_by_lead ON outbox (lead_id, mutation_id);
                    """)
        }
        migrator.registerMigration("v2-outbox-expected-stage") { db in
            // The stage the rep saw when deciding a verdict (issue 14 item 6); NULL for notes,
            // corrections and rows queued before this migration (no check on the server).
            try db.execute(
                sql: """
                    ALTER TABLE outbox ADD COLUMN expected_stage TEXT
                        CHECK (expected_stage IN ('assigned', 'accepted'))
                    """)
        }
        migrator.registerMigration("v3-lead-content-check") { db in
            // LeadContentCheck of the row as stored (issue 14 item 5). Rows stored before this
            // migration have none: they do not verify, and the first sync rebuilds the copy once.
            try db.execute(sql: "ALTER TABLE lead ADD COLUMN content_check INTEGER")
        }
        migrator.registerMigration("v4-server-limits") { db in
            // The limits the server states on its pages (SyncLimits); NULL until a page states them.
            try db.execute(
                sql: """
                    ALTER TABLE sync_state ADD COLUMN max_request_bytes INTEGER CHECK (max_request_bytes >= 1);
                    ALTER TABLE sync_state ADD COLUMN max_mutations_per_push INTEGER
                        CHECK (max_mutations_per_push >= 1);
                    ALTER TABLE sync_state ADD COLUMN max_note_length INTEGER CHECK (max_note_length >= 1);
                    """)
        }
        return migrator
    }
}
