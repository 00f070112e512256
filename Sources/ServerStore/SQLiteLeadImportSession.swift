import Foundation
import GRDB
import LeadModel

/// The ``LeadImportSession`` of ``SQLiteLeadStore``: upserts inside the one write transaction of
/// an import run, with prepared statements reused for every row (one `SELECT` by dedupe key, then
/// at most one `INSERT` or `UPDATE`).
final class SQLiteLeadImportSession: LeadImportSession {
    private let db: Database
    private let runID: String
    /// Seconds since 1970 written to `imported_at` / `updated_at`.
    private let stamp: Double
    /// Dedupe keys this run has already upserted (created, updated, unchanged or merged).
    private var keysSeen: Set<String> = []
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
    private static let fetchSQL = "SELECT \(Lead.selectedColumns) FROM lead WHERE id = ?"

    init(db: Database, runID: ImportRunID, at date: Date) {
        self.db = db
        self.runID = runID.description
        self.stamp = date.timeIntervalSince1970
    }

    /// Ends the session: later calls throw ``LeadStoreError/importSessionClosed``.
    func close() { isOpen = false }

    func upsert(_ lead: Lead, dedupeKey: String) throws -> LeadUpsertOutcome {
        guard isOpen else { throw LeadStoreError.importSessionClosed }
        var values = try lead.importedValues(withDerived: false)
        let (isFirstSighting, _) = keysSeen.insert(dedupeKey)

        guard let stored = try Row.fetchOne(db.cachedStatement(sql: Self.findSQL), arguments: [dedupeKey]) else {
            values[Lead.emailValidIndex] = lead.email?.isValid.databaseValue ?? .null
            try mapConstraintErrors(externalID: lead.externalID) {
                let arguments: [any DatabaseValueConvertible] =
                    [lead.id.description, dedupeKey, runID, stamp, stamp] + values
                try db.cachedStatement(sql: Self.insertSQL).execute(arguments: StatementArguments(arguments))
            }
            return .created(lead.id)
        }

        let idText: String = stored[0]
        guard let id = LeadID(uuidString: idText) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "id '\(idText)' is not a UUID")
        }
        if !isFirstSighting || (stored[1] as String?) == runID {
            try merge(lead, into: id)
            return .merged(into: id)
        }
        let unchanged = values.indices.allSatisfy {
            $0 == Lead.emailValidIndex || (stored[$0 + 2] as DatabaseValue) == values[$0]
        }
        if unchanged { return .unchanged(id) }
        values[Lead.emailValidIndex] = lead.email?.isValid.databaseValue ?? .null
        try write(values, to: id, externalID: lead.externalID)
        return .updated(id)
    }

    /// A second row of this run for a stored lead: the stored values win; the lead only gains the
    /// fields, attributes and outcome it lacked. Consent flags are or-ed: a row that says "do not
    /// email" is respected whichever row came first.
    private func merge(_ lead: Lead, into id: LeadID) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.fetchSQL), arguments: [id.description]) else {
            throw LeadStoreError.leadNotFound(id)
        }
        let stored = try Lead(row: row)
        var merged = stored
        merged.externalID = stored.externalID ?? lead.externalID
        merged.firstName = stored.firstName ?? lead.firstName
        merged.lastName = stored.lastName ?? lead.lastName
        merged.email = stored.email ?? lead.email
        merged.phone = stored.phone ?? lead.phone
        merged.company = stored.company ?? lead.company
        merged.title = stored.title ?? lead.title
        merged.country = stored.country ?? lead.country
        merged.city = stored.city ?? lead.city
        merged.source = stored.source ?? lead.source
        merged.doNotEmail = stored.doNotEmail || lead.doNotEmail
        merged.doNotCall = stored.doNotCall || lead.doNotCall
        merged.createdAt = stored.createdAt ?? lead.createdAt
        merged.attributes = stored.attributes.merging(lead.attributes) { kept, _ in kept }
        merged.postContactAttributes = stored.postContactAttributes.merging(lead.postContactAttributes) { kept, _ in
            kept
        }
        merged.outcome = stored.outcome ?? lead.outcome
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
