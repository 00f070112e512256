import Foundation
import GRDB
import LeadModel

extension Lead {
    /// The `lead` columns an import writes, in the order of ``importedValues()``.
    static let importedColumns = [
        "external_id", "first_name", "last_name", "email", "email_normalized", "email_valid", "phone",
        "company", "title", "country", "city", "source", "do_not_email", "do_not_call", "created_at",
        "attributes", "post_contact_attributes", "outcome_won", "outcome_label", "outcome_details",
    ]

    /// The columns ``init(row:)`` reads: identity, stage, then the imported ones.
    static let selectedColumns = (["id", "stage"] + importedColumns).joined(separator: ", ")

    /// The imported content as stored, in ``importedColumns`` order: equal leads give equal values,
    /// so an import compares these to the stored ones to find an unchanged row.
    /// - Throws: `EncodingError` for a NaN or infinite attribute number.
    func importedValues() throws -> [DatabaseValue] {
        [
            externalID.databaseValue,
            firstName.databaseValue,
            lastName.databaseValue,
            email?.address.databaseValue ?? .null,
            email?.normalized.databaseValue ?? .null,
            email?.isValid.databaseValue ?? .null,
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

    /// Reads a lead from a row holding ``selectedColumns``.
    /// - Throws: ``LeadStoreError/corruptRow(table:detail:)`` when a value is outside its type.
    init(row: Row) throws {
        let idText: String = row["id"]
        guard let id = LeadID(uuidString: idText) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "id '\(idText)' is not a UUID")
        }
        let stageText: String = row["stage"]
        guard let stage = LifecycleStage(rawValue: stageText) else {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(idText): unknown stage '\(stageText)'")
        }
        var outcome: LeadOutcome?
        if let won: Bool = row["outcome_won"] {
            let details: [String: String] =
                try (row["outcome_details"] as String?).map { try Self.decodeJSON($0, leadID: idText) } ?? [:]
            outcome = LeadOutcome(won: won, label: row["outcome_label"] ?? "", details: details)
        }
        self.init(
            id: id,
            externalID: row["external_id"],
            firstName: row["first_name"],
            lastName: row["last_name"],
            email: (row["email"] as String?).map(EmailAddress.init),
            phone: row["phone"],
            company: row["company"],
            title: row["title"],
            country: row["country"],
            city: row["city"],
            source: row["source"],
            doNotEmail: row["do_not_email"],
            doNotCall: row["do_not_call"],
            createdAt: (row["created_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            stage: stage,
            attributes: try Self.decodeJSON(row["attributes"], leadID: idText),
            postContactAttributes: try Self.decodeJSON(row["post_contact_attributes"], leadID: idText),
            outcome: outcome)
    }

    private static func decodeJSON<Value: Decodable>(_ text: String, leadID: String) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw LeadStoreError.corruptRow(table: "lead", detail: "lead \(leadID): malformed JSON (\(error))")
        }
    }
}
