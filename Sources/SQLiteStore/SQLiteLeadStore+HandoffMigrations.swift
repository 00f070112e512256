import Foundation
import GRDB
import StoreContract

extension SQLiteLeadStore {
    /// The named migrations of the hand-off tables (issue 6): SLA breaches, the overflow queue,
    /// merges, disposition follow-ups, and two captures written by triggers so that no entry point
    /// can skip them: each hand-off with its score snapshot, and the score at each reject (and the cool-down the reject set, which outlives the cool-down row).
    /// Then the versions of the routing rules the server routes with (`v4-routing-rules`, like the
    /// scoring model's). Registered after the sync migrations by ``migrator``; never edited once shipped.
    static func registerHandoffMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-handoff") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sla_breach (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        lead_id TEXT NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        rep_id TEXT NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
                        assigned_at REAL NOT NULL,
                        deadline REAL NOT NULL CHECK (deadline >= assigned_at),
                        detected_at REAL NOT NULL,
                        escalated_to TEXT REFERENCES rep (id) ON DELETE SET NULL,
                        UNIQUE (lead_id, rep_id, assigned_at)
                    ) STRICT;
                    CREATE INDEX sla_breach_rep ON sla_breach (rep_id);
                    CREATE TABLE routing_overflow (
                        lead_id TEXT PRIMARY KEY NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        territory TEXT NOT NULL,
                        since REAL NOT NULL
                    ) STRICT;
                    CREATE TABLE lead_merge (
                        lead_id TEXT PRIMARY KEY NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        into_lead_id TEXT NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        at REAL NOT NULL,
                        CHECK (lead_id <> into_lead_id)
                    ) STRICT;
                    CREATE TABLE disposition_follow_up (
                        lead_id TEXT PRIMARY KEY NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        reason TEXT NOT NULL CHECK (reason IN ('duplicate', 'existing_customer')),
                        merged_into TEXT REFERENCES lead (id) ON DELETE SET NULL,
                        account_owner TEXT REFERENCES rep (id) ON DELETE SET NULL,
                        at REAL NOT NULL
                    ) STRICT;
                    CREATE TABLE lead_rejection (
                        lead_id TEXT PRIMARY KEY NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        reason TEXT,
                        rejected_at REAL NOT NULL,
                        score_at_rejection REAL,
                        cool_down_until REAL
                    ) STRICT;
                    CREATE TRIGGER lead_rejection_cool_down_insert AFTER INSERT ON lead_cool_down
                    BEGIN
                        UPDATE lead_rejection SET cool_down_until = NEW.until WHERE lead_id = NEW.lead_id;
                    END;
                    CREATE TRIGGER lead_rejection_cool_down_update AFTER UPDATE OF until ON lead_cool_down
                    BEGIN
                        UPDATE lead_rejection SET cool_down_until = NEW.until WHERE lead_id = NEW.lead_id;
                    END;
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
                    CREATE TABLE lead_handoff (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        lead_id TEXT NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
                        rep_id TEXT NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
                        handed_at REAL NOT NULL,
                        handed_by TEXT NOT NULL,
                        score_total REAL,
                        grade TEXT,
                        model_version INTEGER,
                        contributions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contributions))
                    ) STRICT;
                    CREATE INDEX lead_handoff_lead ON lead_handoff (lead_id, id);
                    CREATE TRIGGER lead_handoff_on_insert AFTER INSERT ON lead_assignment
                    BEGIN
                        INSERT INTO lead_handoff
                            (lead_id, rep_id, handed_at, handed_by, score_total, grade, model_version, contributions)
                        VALUES (NEW.lead_id, NEW.rep_id, NEW.assigned_at, NEW.assigned_by,
                            (SELECT total FROM lead_score WHERE lead_id = NEW.lead_id AND is_current = 1),
                            (SELECT grade FROM lead_score WHERE lead_id = NEW.lead_id AND is_current = 1),
                            (SELECT model_version FROM lead_score WHERE lead_id = NEW.lead_id AND is_current = 1),
                            COALESCE((SELECT contributions FROM lead_score
                                WHERE lead_id = NEW.lead_id AND is_current = 1), '[]'));
                    END;
                    CREATE TRIGGER lead_handoff_on_update AFTER UPDATE OF rep_id ON lead_assignment
                    WHEN NEW.rep_id <> OLD.rep_id
                    BEGIN
                        INSERT INTO lead_handoff
                            (lead_id, rep_id, handed_at, handed_by, score_total, grade, model_version, contributions)
                        VALUES (NEW.lead_id, NEW.rep_id, NEW.assigned_at, NEW.assigned_by,
                            (SELECT total FROM lead_score WHERE lead_id = NEW.lead_id AND is_current = 1),
                            (SELECT grade FROM lead_score WHERE lead_id = NEW.lead_id AND is_current = 1),
                            (SELECT model_version FROM lead_score WHERE lead_id = NEW.lead_id AND is_current = 1),
                            COALESCE((SELECT contributions FROM lead_score
                                WHERE lead_id = NEW.lead_id AND is_current = 1), '[]'));
                    END;
                    """)
        }
        migrator.registerMigration("v4-routing-rules") { db in
            try db.execute(
                sql: """
                    CREATE TABLE routing_rules (
                        version INTEGER PRIMARY KEY NOT NULL CHECK (version >= 1),
                        document TEXT NOT NULL CHECK (document <> ''),
                        created_at REAL NOT NULL,
                        created_by TEXT NOT NULL CHECK (created_by <> ''),
                        note TEXT
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v7-round-robin-credit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE round_robin_credit (
                        rep_id TEXT PRIMARY KEY NOT NULL REFERENCES rep (id),
                        credit INTEGER NOT NULL
                    ) STRICT;
                    """)
        }
    }
}
