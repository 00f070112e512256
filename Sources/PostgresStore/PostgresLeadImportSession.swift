import Foundation
import LeadModel
import StoreContract

/// The write side of one import run on PostgreSQL, inside the run's transaction: the same
/// decisions as the SQLite store's session (a lead found by its dedupe key, else by email under the
/// rules of ``LeadIdentity``; a second row of the same run merged into the first; an unchanged row
/// only stamped), persisted in PostgreSQL's SQL.
final class PostgresLeadImportSession: LeadImportSession {
    private let session: PostgresSession
    private let runID: String
    private let stamp: Double
    private var isOpen = true

    private static let insertSQL: String = {
        let columns = PostgresLeadRow.importedColumns
        let placeholders = columns.indices.map { "$\($0 + 6)" }.joined(separator: ", ")
        return """
            INSERT INTO lead (id, dedupe_key, stage, last_import_run, imported_at, updated_at, \(columns.joined(separator: ", ")))
            VALUES ($1, $2, 'new', $3, $4, $5, \(placeholders))
            """
    }()
    private static let updateSQL: String = {
        let columns = PostgresLeadRow.importedColumns
        let assignments = columns.enumerated().map { "\($1) = $\($0 + 1)" }.joined(separator: ", ")
        let next = columns.count + 1
        return
            "UPDATE lead SET \(assignments), last_import_run = $\(next), updated_at = $\(next + 1) WHERE id = $\(next + 2)"
    }()
    /// Whether the stored lead's imported columns equal the parameters (`email_valid`, derived, aside:
    /// the parameters are ``comparedValues(_:)``, every imported value but that one).
    private static let unchangedSQL: String = {
        let columns = PostgresLeadRow.importedColumns.filter { $0 != "email_valid" }
        let comparisons = columns.enumerated().map { "\($1) IS NOT DISTINCT FROM $\($0 + 2)" }
        return "SELECT \(comparisons.joined(separator: " AND ")) FROM lead WHERE id = $1"
    }()

    /// The imported values without `email_valid`'s, in the order of ``unchangedSQL``'s parameters.
    private static func comparedValues(_ values: [SQLValue]) -> [SQLValue] {
        zip(PostgresLeadRow.importedColumns, values).filter { $0.0 != "email_valid" }.map(\.1)
    }

    init(session: PostgresSession, runID: ImportRunID, at date: Date) {
        self.session = session
        self.runID = runID.description
        self.stamp = date.timeIntervalSince1970
    }

    func close() { isOpen = false }

    func upsert(_ lead: Lead, dedupeKey: String) throws -> LeadUpsert {
        guard isOpen else { throw LeadStoreError.importSessionClosed }
        let values = try PostgresLeadRow.values(of: lead)
        guard
            let stored = try session.rows("SELECT id, last_import_run FROM lead WHERE dedupe_key = $1", [dedupeKey])
                .first
        else { return try upsertByEmail(lead, dedupeKey: dedupeKey, values: values) }
        let idText = try stored.requiredText(0)
        let id = try Self.leadID(idText)
        if try stored.text(1) == runID {
            try merge(lead, into: id)
            return LeadUpsert(outcome: .merged(into: id))
        }
        let unchanged =
            try session.rows(Self.unchangedSQL, [SQLValue.text(idText)] + Self.comparedValues(values)).first?.bool(0)
            ?? false
        if unchanged {
            try session.execute("UPDATE lead SET last_import_run = $1 WHERE id = $2", [runID, idText])
            return LeadUpsert(outcome: .unchanged(id))
        }
        try write(values, to: id, externalID: lead.externalID)
        return LeadUpsert(outcome: .updated(id))
    }

    private struct EmailMatch {
        let id: String
        let dedupeKey: String
        let externalID: String?
        let lastImportRun: String?
    }

    private func upsertByEmail(_ lead: Lead, dedupeKey: String, values: [SQLValue]) throws -> LeadUpsert {
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
            try session.execute("UPDATE lead SET dedupe_key = $1 WHERE id = $2", [dedupeKey, idLess.id])
            return LeadUpsert(outcome: outcome, identity: .adoptedExternalID(externalID))
        }
        try mapConstraintErrors(externalID: lead.externalID) {
            try session.execute(
                Self.insertSQL,
                [SQLValue.text(lead.id.description), .text(dedupeKey), .text(runID), .double(stamp), .double(stamp)]
                    + values)
        }
        let others = identified.compactMap(\.externalID).filter { $0 != lead.externalID }.sorted()
        return LeadUpsert(
            outcome: .created(lead.id), identity: others.isEmpty ? .dedupeKey : .sharesEmailWith(externalIDs: others))
    }

    private func leadsWithEmail(of lead: Lead, dedupeKey: String) throws -> [EmailMatch] {
        guard dedupeKey.hasPrefix("ext:") || dedupeKey.hasPrefix("email:"),
            let normalized = lead.email?.normalized, !normalized.isEmpty
        else { return [] }
        return try session.rows(
            "SELECT id, dedupe_key, external_id, last_import_run FROM lead WHERE email_normalized = $1 ORDER BY id",
            [normalized]
        ).map {
            EmailMatch(
                id: try $0.requiredText(0), dedupeKey: try $0.requiredText(1), externalID: try $0.text(2),
                lastImportRun: try $0.text(3))
        }
    }

    private func overlay(_ lead: Lead, onto match: EmailMatch) throws -> LeadUpsertOutcome {
        let id = try Self.leadID(match.id)
        if match.lastImportRun == runID {
            try merge(lead, into: id)
            return .merged(into: id)
        }
        guard let stored = try PostgresLeadStore.fetchLeads(session, "WHERE id = $1", [match.id]).first else {
            throw LeadStoreError.leadNotFound(id)
        }
        let updated = stored.combining(lead, rowWins: true)
        guard updated != stored else {
            try session.execute("UPDATE lead SET last_import_run = $1 WHERE id = $2", [runID, match.id])
            return .unchanged(id)
        }
        try write(try PostgresLeadRow.values(of: updated), to: id, externalID: updated.externalID)
        return .updated(id)
    }

    private func merge(_ lead: Lead, into id: LeadID) throws {
        guard let stored = try PostgresLeadStore.fetchLeads(session, "WHERE id = $1", [id.description]).first else {
            throw LeadStoreError.leadNotFound(id)
        }
        let merged = stored.combining(lead, rowWins: false)
        guard merged != stored else { return }
        try write(try PostgresLeadRow.values(of: merged), to: id, externalID: merged.externalID)
    }

    private func write(_ values: [SQLValue], to id: LeadID, externalID: String?) throws {
        try mapConstraintErrors(externalID: externalID) {
            try session.execute(Self.updateSQL, values + [SQLValue.text(runID), .double(stamp), .text(id.description)])
        }
        try PostgresLeadStore.logUpsertForOwner(
            leadID: id.description, at: Date(timeIntervalSince1970: stamp), in: session)
    }

    private static func leadID(_ text: String) throws -> LeadID {
        guard let id = LeadID(uuidString: text) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "id '\(text)' is not a UUID")
        }
        return id
    }

    /// A second lead with this external id breaks `lead_external_id_key`: ``LeadStoreError/externalIDTaken(_:)``.
    /// The statement runs in a savepoint so that the refusal leaves the import's transaction usable.
    private func mapConstraintErrors(externalID: String?, _ body: () throws -> Void) throws {
        try session.execute("SAVEPOINT lead_write")
        do {
            try body()
            try session.execute("RELEASE SAVEPOINT lead_write")
        } catch {
            _ = try? session.execute("ROLLBACK TO SAVEPOINT lead_write")
            if PostgresErrors.isUniqueViolation(error, constraint: "lead_external_id_key") {
                throw LeadStoreError.externalIDTaken(externalID ?? "")
            }
            throw error
        }
    }
}
