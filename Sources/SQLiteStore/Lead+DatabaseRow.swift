import Foundation
import GRDB
import LeadModel
import StoreContract

extension Lead {
    /// The `lead` columns an import writes, in the order of ``importedValues()``.
    static let importedColumns = [
        "external_id", "first_name", "last_name", "email", "email_normalized", "email_valid", "phone",
        "company", "title", "country", "city", "source", "do_not_email", "do_not_call", "created_at",
        "attributes", "post_contact_attributes", "outcome_won", "outcome_label", "outcome_details",
    ]

    /// The columns ``init(row:)`` reads: identity, stage, then the imported ones.
    static let selectedColumns = (["id", "stage"] + importedColumns).joined(separator: ", ")

    /// The position of `email_valid` in ``importedColumns``: derived from `email`, so an import
    /// leaves it out of the unchanged comparison and computes it only for rows it writes.
    static let emailValidIndex = 5

    /// The imported content as stored, in ``importedColumns`` order: equal leads give equal values,
    /// so an import compares these to the stored ones to find an unchanged row.
    /// - Parameter withDerived: whether to compute `email_valid` (else it is `NULL`).
    /// - Throws: `EncodingError` for a NaN or infinite attribute number.
    func importedValues(withDerived: Bool = true) throws -> [DatabaseValue] {
        [
            externalID.databaseValue,
            firstName.databaseValue,
            lastName.databaseValue,
            email?.address.databaseValue ?? .null,
            email?.normalized.databaseValue ?? .null,
            withDerived ? email?.isValid.databaseValue ?? .null : .null,
            phone.databaseValue,
            company.databaseValue,
            title.databaseValue,
            country.databaseValue,
            city.databaseValue,
            source.databaseValue,
            doNotEmail.databaseValue,
            doNotCall.databaseValue,
            createdAt?.timeIntervalSince1970.databaseValue ?? .null,
            try CanonicalJSON.encode(attributes).databaseValue,
            try CanonicalJSON.encode(postContactAttributes).databaseValue,
            outcome?.won.databaseValue ?? .null,
            outcome?.label.databaseValue ?? .null,
            outcome.map { CanonicalJSON.encode($0.details) }.databaseValue,
        ]
    }

    /// Reads a lead from a row holding ``selectedColumns``, in that order (read by position, not
    /// by name: name look-ups cost a case-insensitive search per column). Its attributes get their
    /// own key table; ``leads(rows:)`` reads a batch over one shared table instead.
    /// - Throws: ``LeadStoreError/corruptRow(table:detail:)`` when a value is outside its type.
    init(row: Row) throws {
        self = try Self.leads(rows: [row])[0]
    }

    /// Reads the leads of `rows` (each holding ``selectedColumns``), in order. The attributes of
    /// the whole batch share one key table, and the post-contact attributes another, so a scorer
    /// resolves attribute names to slots once per batch (issue 3).
    /// - Throws: ``LeadStoreError/corruptRow(table:detail:)`` when a value is outside its type.
    static func leads(rows: [Row]) throws -> [Lead] {
        var names = AttributeNameInterner()
        var postContactNames = AttributeNameInterner()
        var leads: [Lead] = []
        leads.reserveCapacity(rows.count)
        var entries:
            [(attributes: [(slot: Int, value: AttributeValue)], postContact: [(slot: Int, value: AttributeValue)])] = []
        entries.reserveCapacity(rows.count)
        for row in rows {
            let lead = try Lead(fieldsOf: row)
            let idText: String = row[0]
            entries.append(
                (
                    try decodeAttributes(row[17], leadID: idText, names: &names),
                    try decodeAttributes(row[18], leadID: idText, names: &postContactNames)
                ))
            leads.append(lead)
        }
        let keyTable = names.keyTable()
        let postContactKeyTable = postContactNames.keyTable()
        for index in leads.indices {
            leads[index].attributes = AttributeNameInterner.attributes(entries[index].attributes, over: keyTable)
            leads[index].postContactAttributes = AttributeNameInterner.attributes(
                entries[index].postContact, over: postContactKeyTable)
        }
        return leads
    }

    /// A lead from a row holding ``selectedColumns``, with no attributes yet.
    private init(fieldsOf row: Row) throws {
        let idText: String = row[0]
        guard let id = LeadID(uuidString: idText) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "id '\(idText)' is not a UUID")
        }
        let stageText: String = row[1]
        guard let stage = LifecycleStage(rawValue: stageText) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(idText): unknown stage '\(stageText)'")
        }
        var outcome: LeadOutcome?
        if let won: Bool = row[19] {
            let details: [String: String] =
                try (row[21] as String?).map { try Self.decodeJSON($0, leadID: idText) } ?? [:]
            outcome = LeadOutcome(won: won, label: row[20] ?? "", details: details)
        }
        self.init(
            id: id,
            externalID: row[2],
            firstName: row[3],
            lastName: row[4],
            email: (row[5] as String?).map(EmailAddress.init),
            phone: row[8],
            company: row[9],
            title: row[10],
            country: row[11],
            city: row[12],
            source: row[13],
            doNotEmail: row[14],
            doNotCall: row[15],
            createdAt: (row[16] as Double?).map(Date.init(timeIntervalSince1970:)),
            stage: stage,
            outcome: outcome)
    }

    private static func decodeAttributes(
        _ text: String, leadID: String, names: inout AttributeNameInterner
    ) throws -> [(slot: Int, value: AttributeValue)] {
        do {
            return try CanonicalJSON.decodeAttributes(text, names: &names)
        } catch {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(leadID): malformed attributes (\(error))")
        }
    }

    private static func decodeJSON<Value: Decodable>(_ text: String, leadID: String) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(leadID): malformed JSON (\(error))")
        }
    }
}
