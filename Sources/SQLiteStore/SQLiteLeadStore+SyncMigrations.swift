import Foundation
import GRDB
import StoreContract

extension SQLiteLeadStore {
    /// The named migrations of the sync tables (SPEC §5, issue 4): lead ownership, the change log,
    /// per-rep prune horizons, device tokens, client bindings and mutation ids, rep notes and the
    /// cool-down of recycled leads. Registered after the v1 schema by ``migrator``; like every
    /// migration, never edited once shipped.
    static func registerSyncMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-lead-assignment") { db in
            // The lead's owner while it is in a rep's scope (`assigned`, `accepted`); the row goes
            // when the lead leaves the scope.
            try db.execute(
                sql: """
                    CREATE TABLE lead_assignment (
                        lead_id TEXT PRIMARY KEY NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        rep_id TEXT NOT NULL REFERENCES rep (id) ON DELETE RESTRICT,
                        assigned_at REAL NOT NULL,
                        assigned_by TEXT NOT NULL CHECK (assigned_by <> '')
                    ) STRICT;
                    CREATE INDEX lead_assignment_rep ON lead_assignment (rep_id);
                    """)
        }

        migrator.registerMigration("v2-change-log") { db in
            // One row per change to a rep's scope. `seq` is taken inside the write transaction of
            // the change; SQLite has one writer at a time, so `seq` order is commit order and a
            // reader's snapshot always holds a prefix of it (a cursor never passes an uncommitted
            // change). `scope_count` / `scope_hash` are the rep's ScopeDigest after the row (hash
            // as the signed 64-bit pattern of the UInt64). No foreign keys on rep_id and lead_id:
            // a removal must outlive a deleted lead.
            try db.execute(
                sql: """
                    CREATE TABLE change_log (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        rep_id TEXT NOT NULL CHECK (length(rep_id) = 36),
                        lead_id TEXT NOT NULL CHECK (length(lead_id) = 36),
                        kind TEXT NOT NULL CHECK (kind IN ('upsert', 'removal')),
                        removal_reason TEXT CHECK (removal_reason IS NULL OR removal_reason IN (
                            'reassigned', 'recycled', 'disqualified', 'converted', 'deleted')),
                        at REAL NOT NULL,
                        scope_count INTEGER NOT NULL CHECK (scope_count >= 0),
                        scope_hash INTEGER NOT NULL,
                        CHECK ((kind = 'removal') = (removal_reason IS NOT NULL))
                    ) STRICT;
                    CREATE INDEX change_log_rep ON change_log (rep_id, seq);
                    CREATE INDEX change_log_rep_lead ON change_log (rep_id, lead_id, seq);
                    CREATE INDEX change_log_removal_at ON change_log (at) WHERE kind = 'removal';
                    CREATE TABLE change_log_horizon (
                        rep_id TEXT PRIMARY KEY NOT NULL CHECK (length(rep_id) = 36),
                        pruned_through INTEGER NOT NULL CHECK (pruned_through >= 0)
                    ) STRICT;
                    """)
        }

        migrator.registerMigration("v2-device-tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE device_token (
                        token_hash TEXT PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
                        rep_id TEXT NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
                        created_at REAL NOT NULL,
                        revoked_at REAL
                    ) STRICT;
                    CREATE INDEX device_token_rep ON device_token (rep_id);
                    """)
        }

        migrator.registerMigration("v2-client-mutations") { db in
            // A client id belongs to the rep who first used it. `last_applied_id` is written in the
            // same transaction as the mutation's effect; `client_mutation_payload` keeps the
            // payload hashes of the recent ids, so a reused id with another payload is a conflict.
            try db.execute(
                sql: """
                    CREATE TABLE client_binding (
                        client_id TEXT PRIMARY KEY NOT NULL CHECK (client_id <> ''),
                        rep_id TEXT NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
                        first_seen_at REAL NOT NULL,
                        last_applied_id INTEGER
                    ) STRICT;
                    CREATE TABLE client_mutation_payload (
                        client_id TEXT NOT NULL REFERENCES client_binding (client_id) ON DELETE CASCADE,
                        mutation_id INTEGER NOT NULL,
                        payload_hash TEXT NOT NULL CHECK (length(payload_hash) = 16),
                        outcome TEXT NOT NULL CHECK (outcome <> ''),
                        applied_at REAL NOT NULL,
                        PRIMARY KEY (client_id, mutation_id)
                    ) STRICT;
                    """)
        }

        migrator.registerMigration("v2-rep-notes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE rep_note (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        lead_id TEXT NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        rep_id TEXT NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
                        text TEXT NOT NULL CHECK (text <> ''),
                        created_at REAL NOT NULL
                    ) STRICT;
                    CREATE INDEX rep_note_lead ON rep_note (lead_id, id);
                    CREATE TABLE lead_cool_down (
                        lead_id TEXT PRIMARY KEY NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        until REAL NOT NULL
                    ) STRICT;
                    """)
        }
    }
}
