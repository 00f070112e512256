import Foundation
import GRDB

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
        }
    }
}
