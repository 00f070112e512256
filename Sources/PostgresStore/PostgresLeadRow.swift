import Foundation
import LeadModel
import PostgresNIO
import StoreContract

/// How a lead goes into and comes out of the `lead` table: the imported columns in one order,
/// their values as parameters, and leads decoded from rows of ``selectedColumns``.
enum PostgresLeadRow {
    /// The columns an import writes, in the order of ``values(of:)``.
    static let importedColumns = [
        "external_id", "first_name", "last_name", "email", "email_normalized", "email_valid", "phone",
        "company", "title", "country", "city", "source", "do_not_email", "do_not_call", "created_at",
        "attributes", "post_contact_attributes", "outcome_won", "outcome_label", "outcome_details",
    ]

    /// `id, stage` and the imported columns: what ``leads(_:)`` reads.
    static let selectedColumns = (["id", "stage"] + importedColumns).joined(separator: ", ")

    /// The imported columns' values of `lead` (attributes as canonical JSON, as the SQLite store
    /// writes them).
    static func values(of lead: Lead) throws -> [SQLValue] {
        [
            .text(lead.externalID), .text(lead.firstName), .text(lead.lastName), .text(lead.email?.address),
            .text(lead.email?.normalized), .boolean(lead.email?.isValid), .text(lead.phone), .text(lead.company),
            .text(lead.title), .text(lead.country), .text(lead.city), .text(lead.source), .boolean(lead.doNotEmail),
            .boolean(lead.doNotCall), .double(lead.createdAt?.timeIntervalSince1970),
            .text(try CanonicalJSON.encode(lead.attributes)),
            .text(try CanonicalJSON.encode(lead.postContactAttributes)),
            .boolean(lead.outcome?.won), .text(lead.outcome?.label),
            .text(lead.outcome.map { CanonicalJSON.encode($0.details) }),
        ]
    }

    /// The leads of rows selected with ``selectedColumns``, sharing one attribute key table.
    static func leads(_ rows: [PostgresRandomAccessRow]) throws -> [Lead] {
        var names = AttributeNameInterner()
        var postContactNames = AttributeNameInterner()
        var leads: [Lead] = []
        var entries: [([(slot: Int, value: AttributeValue)], [(slot: Int, value: AttributeValue)])] = []
        for row in rows {
            let idText = try row.requiredText(0)
            leads.append(try lead(fieldsOf: row, idText: idText))
            entries.append(
                (
                    try attributes(try row.requiredText(17), leadID: idText, names: &names),
                    try attributes(try row.requiredText(18), leadID: idText, names: &postContactNames)
                ))
        }
        let keyTable = names.keyTable()
        let postContactKeyTable = postContactNames.keyTable()
        for index in leads.indices {
            leads[index].attributes = AttributeNameInterner.attributes(entries[index].0, over: keyTable)
            leads[index].postContactAttributes = AttributeNameInterner.attributes(
                entries[index].1, over: postContactKeyTable)
        }
        return leads
    }

    private static func lead(fieldsOf row: PostgresRandomAccessRow, idText: String) throws -> Lead {
        guard let id = LeadID(uuidString: idText) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "id '\(idText)' is not a UUID")
        }
        let stageText = try row.requiredText(1)
        guard let stage = LifecycleStage(rawValue: stageText) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(idText): unknown stage '\(stageText)'")
        }
        var outcome: LeadOutcome?
        if let won = try row.bool(19) {
            var details: [String: String] = [:]
            if let text = try row.text(21) {
                do {
                    details = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
                } catch {
                    throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(idText): malformed JSON (\(error))")
                }
            }
            outcome = LeadOutcome(won: won, label: try row.text(20) ?? "", details: details)
        }
        return Lead(
            id: id, externalID: try row.text(2), firstName: try row.text(3), lastName: try row.text(4),
            email: try row.text(5).map(EmailAddress.init), phone: try row.text(8), company: try row.text(9),
            title: try row.text(10), country: try row.text(11), city: try row.text(12), source: try row.text(13),
            doNotEmail: try row.requiredBool(14), doNotCall: try row.requiredBool(15),
            createdAt: try row.double(16).map(Date.init(timeIntervalSince1970:)), stage: stage, outcome: outcome)
    }

    private static func attributes(_ text: String, leadID: String, names: inout AttributeNameInterner) throws
        -> [(slot: Int, value: AttributeValue)]
    {
        do {
            return try CanonicalJSON.decodeAttributes(text, names: &names)
        } catch {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(leadID): malformed attributes (\(error))")
        }
    }
}
