import Foundation
import GRDB
import LeadModel
import StoreContract

/// The ``LeadImportSession`` of ``SQLiteLeadStore``: upserts inside the one write transaction of
/// an import run, with prepared statements reused for every row (one `SELECT` by dedupe key, then
/// at most one `INSERT` or `UPDATE`).
final class SQLiteLeadImportSession: LeadImportSession {
    private let db: Database
    private let runID: String
    /// Seconds since 1970 written to `imported_at` / `updated_at`.
    private let stamp: Double
    private var isOpen = true

    private static let findSQL =
        "SELECT id, last_import_run, \(Lead.importedColumns.joined(separator: ", ")) FROM lead WHERE dedupe_key = ?"
    private static let insertSQL = """
        INSERT INTO lead (id, dedupe_key, stage, last_import_run, imported_at, updated_at, \
        \(Lead.importedColumns.joined(separator: ", ")))
        VALUES (?, ?, 'new', ?, ?, ?, \(Lead.importedColumns.map { _ in "?" }.joined(separator: ", ")))
        """
    private static let updateSQL = """
        UPDATE lead SET \(Lead.importedColumns.map { "\($0) = ?" }.joined(separator: ", ")), \
        last_import_run = ?, updated_at = ? WHERE id = ?
        """
    private static let stampSQL = "UPDATE lead SET last_import_run = ? WHERE id = ?"
    private static let fetchSQL = "SELECT \(Lead.selectedColumns) FROM lead WHERE id = ?"

    init(db: Database, runID: ImportRunID, at date: Date) {
        self.db = db
        self.runID = runID.description
        self.stamp = date.timeIntervalSince1970
    }

    /// Ends the session: later calls throw ``LeadStoreError/importSessionClosed``.
    func close() { isOpen = false }

    func upsert(_ lead: Lead, dedupeKey: String) throws -> LeadUpsert {
        guard isOpen else { throw LeadStoreError.importSessionClosed }
        var values = try lead.importedValues(withDerived: false)

        guard let stored = try Row.fetchOne(db.cachedStatement(sql: Self.findSQL), arguments: [dedupeKey]) else {
            return try upsertByEmail(lead, dedupeKey: dedupeKey, values: values)
        }

        let idText: String = stored[0]
        let id = try Self.leadID(idText)
        // Every row this run touched carries the run id (unchanged rows too, below), so a repeat
        // within the file is found without keeping the file's keys in memory.
        if (stored[1] as String?) == runID {
            try merge(lead, into: id)
            return LeadUpsert(outcome: .merged(into: id))
        }
        let unchanged = values.indices.allSatisfy {
            $0 == Lead.emailValidIndex || (stored[$0 + 2] as DatabaseValue) == values[$0]
        }
        if unchanged {
            try db.cachedStatement(sql: Self.stampSQL).execute(arguments: [runID, idText])
            return LeadUpsert(outcome: .unchanged(id))
        }
        values[Lead.emailValidIndex] = lead.email?.isValid.databaseValue ?? .null
        try write(values, to: id, externalID: lead.externalID)
        return LeadUpsert(outcome: .updated(id))
    }

    /// No lead has the row's dedupe key: the one-person-one-lead rule by normalised email
    /// (``LeadIdentity``), else a new lead.
    private func upsertByEmail(_ lead: Lead, dedupeKey: String, values: [DatabaseValue]) throws -> LeadUpsert {
        let sameEmail = try leadsWithEmail(of: lead, dedupeKey: dedupeKey)
        let identified = sameEmail.filter { $0.externalID != nil }
        if dedupeKey.hasPrefix("email:"), lead.externalID == nil, !identified.isEmpty {
            guard identified.count == 1, let match = identified.first, let externalID = match.externalID else {
                throw LeadStoreError.emailMatchesSeveralLeads(
                    email: lead.email?.normalized ?? "", externalIDs: identified.compactMap(\.externalID).sorted())
            }
            let outcome = try overlay(lead, onto: match)
            return LeadUpsert(outcome: outcome, identity: .emailOfIdentifiedLead(externalID: externalID))
        }
        if dedupeKey.hasPrefix("ext:"), let externalID = lead.externalID,
            let idLess = sameEmail.first(where: { $0.externalID == nil && $0.dedupeKey.hasPrefix("email:") })
        {
            let outcome = try overlay(lead, onto: idLess)
            try db.execute(sql: "UPDATE lead SET dedupe_key = ? WHERE id = ?", arguments: [dedupeKey, idLess.id])
            return LeadUpsert(outcome: outcome, identity: .adoptedExternalID(externalID))
        }
        var values = values
        values[Lead.emailValidIndex] = lead.email?.isValid.databaseValue ?? .null
        try mapConstraintErrors(externalID: lead.externalID) {
            let arguments: [any DatabaseValueConvertible] =
                [lead.id.description, dedupeKey, runID, stamp, stamp] + values
            try db.cachedStatement(sql: Self.insertSQL).execute(arguments: StatementArguments(arguments))
        }
        let others = identified.compactMap(\.externalID).filter { $0 != lead.externalID }.sorted()
        return LeadUpsert(
            outcome: .created(lead.id), identity: others.isEmpty ? .dedupeKey : .sharesEmailWith(externalIDs: others))
    }

    /// A stored lead that shares a row's normalised email.
    private struct EmailMatch {
        let id: String
        let dedupeKey: String
        let externalID: String?
        let lastImportRun: String?
    }

    /// The leads with the row's normalised email, when its dedupe key is one the email rule
    /// applies to (`ext:` or `email:`) and it has an email; otherwise none.
    private func leadsWithEmail(of lead: Lead, dedupeKey: String) throws -> [EmailMatch] {
        guard dedupeKey.hasPrefix("ext:") || dedupeKey.hasPrefix("email:"),
            let normalized = lead.email?.normalized, !normalized.isEmpty
        else { return [] }
        return try Row.fetchAll(
            db.cachedStatement(
                sql:
                    "SELECT id, dedupe_key, external_id, last_import_run FROM lead WHERE email_normalized = ? ORDER BY id"
            ),
            arguments: [normalized]
        ).map { EmailMatch(id: $0[0], dedupeKey: $0[1], externalID: $0[2], lastImportRun: $0[3]) }
    }

    /// Applies a row found through its email to `match`: within this run, as a merge; otherwise the
    /// row's values replace the lead's where the row has them and the lead keeps the rest.
    private func overlay(_ lead: Lead, onto match: EmailMatch) throws -> LeadUpsertOutcome {
        let id = try Self.leadID(match.id)
        if match.lastImportRun == runID {
            try merge(lead, into: id)
            return .merged(into: id)
        }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.fetchSQL), arguments: [match.id]) else {
            throw LeadStoreError.leadNotFound(id)
        }
        let stored = try Lead(row: row)
        let updated = stored.combining(lead, rowWins: true)
        guard updated != stored else {
            try db.cachedStatement(sql: Self.stampSQL).execute(arguments: [runID, match.id])
            return .unchanged(id)
        }
        try write(updated.importedValues(), to: id, externalID: updated.externalID)
        return .updated(id)
    }

    private static func leadID(_ text: String) throws -> LeadID {
        guard let id = LeadID(uuidString: text) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "id '\(text)' is not a UUID")
        }
        return id
    }

    /// A second row of this run for a stored lead: the stored values win; the lead only gains the
    /// fields, attributes and outcome it lacked. Consent flags are or-ed: a row that says "do not
    /// email" is respected whichever row came first.
    private func merge(_ lead: Lead, into id: LeadID) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.fetchSQL), arguments: [id.description]) else {
            throw LeadStoreError.leadNotFound(id)
        }
        let stored = try Lead(row: row)
        let merged = stored.combining(lead, rowWins: false)
        guard merged != stored else { return }
        try write(merged.importedValues(), to: id, externalID: merged.externalID)
    }

    private func write(_ values: [DatabaseValue], to id: LeadID, externalID: String?) throws {
        try mapConstraintErrors(externalID: externalID) {
            let arguments: [any DatabaseValueConvertible] = values + [runID, stamp, id.description]
            try db.cachedStatement(sql: Self.updateSQL).execute(arguments: StatementArguments(arguments))
        }
        try SQLiteLeadStore.logUpsertForOwner(leadID: id.description, at: Date(timeIntervalSince1970: stamp), in: db)
    }

    /// Turns the `lead.external_id` UNIQUE violation into ``LeadStoreError/externalIDTaken(_:)``.
    private func mapConstraintErrors(externalID: String?, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DatabaseError
            where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            && (error.message ?? "").contains("lead.external_id")
        {
            throw LeadStoreError.externalIDTaken(externalID ?? "")
        }
    }
}
