import GRDB
import StoreContract

extension SQLiteLeadStore {
    /// `v8-bookkeeping-in-code`: the five triggers of `v3-handoff` (and `v5-push-write-path`) go.
    /// The hand-off snapshot, the reject capture and the cool-down copy they wrote are now written
    /// by the store's Swift code on the paths that change owners, record rejects and set
    /// cool-downs (``recordHandoff(leadID:repID:at:by:in:)``, ``recordRejection(leadID:reason:at:in:)``,
    /// ``recordCoolDown(leadID:until:in:)``), so that no business rule lives in SQL and a second
    /// store implements the same rules from the same code. Rows already written stay as they are.
    static func registerBookkeepingMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-bookkeeping-in-code") { db in
            try db.execute(
                sql: """
                    DROP TRIGGER lead_rejection_cool_down_insert;
                    DROP TRIGGER lead_rejection_cool_down_update;
                    DROP TRIGGER lead_rejection_capture;
                    DROP TRIGGER lead_handoff_on_insert;
                    DROP TRIGGER lead_handoff_on_update;
                    """)
        }
    }
}
