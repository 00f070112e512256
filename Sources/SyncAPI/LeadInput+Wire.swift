internal import Foundation
package import LeadModel

extension Lead {
    /// A new lead (stage `new`, fresh id) from a wire lead input. Blank strings are read as
    /// absent; the email must be valid when given.
    /// - Throws: ``WireMappingError`` naming `field.NAME` (or `field.attributes.NAME`) for a value
    ///   longer than the schema's `maxLength`, `field.email` for an invalid email, or `field` when
    ///   the input has neither an external id nor an email (nothing to deduplicate on),
    ///   `field.NAME` for a value holding a NUL byte, and `field.externalID` / `field.phone` for a
    ///   number in scientific notation (``SpreadsheetDamage``).
    package init(wire: Components.Schemas.LeadInput, field: String) throws(WireMappingError) {
        func clean(_ text: String?) -> String? {
            guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
                return nil
            }
            return trimmed
        }
        let limits: [(String, String?, Int)] = [
            ("externalID", wire.externalID, 200), ("firstName", wire.firstName, 200), ("lastName", wire.lastName, 200),
            ("email", wire.email, 320), ("phone", wire.phone, 64), ("company", wire.company, 200),
            ("title", wire.title, 200), ("country", wire.country, 100), ("city", wire.city, 100),
            ("source", wire.source, 100),
        ]
        for (name, value, limit) in limits where (value?.count ?? 0) > limit {
            throw WireMappingError(field: "\(field).\(name)", problem: "longer than \(limit) characters")
        }
        for (name, value) in wire.attributes?.additionalProperties ?? [:] where value.count > 1_000 {
            throw WireMappingError(field: "\(field).attributes.\(name)", problem: "longer than 1000 characters")
        }
        for key in (wire.attributes?.additionalProperties ?? [:]).keys where key.utf8.contains(0) {
            throw WireMappingError(field: "\(field).attributes", problem: "an attribute name contains a NUL byte (\\0)")
        }
        let attributeValues = (wire.attributes?.additionalProperties ?? [:]).map { ("attributes.\($0.key)", $0.value) }
        for (name, value) in limits.map({ ($0.0, $0.1 ?? "") }) + attributeValues where value.utf8.contains(0) {
            throw WireMappingError(field: "\(field).\(name)", problem: "contains a NUL byte (\\0)")
        }
        for (name, value) in [("externalID", wire.externalID), ("phone", wire.phone)] {
            guard let value = clean(value), SpreadsheetDamage.isScientificNotation(value) else { continue }
            throw WireMappingError(field: "\(field).\(name)", problem: SpreadsheetDamage.reason(for: value))
        }
        let email = clean(wire.email).map(EmailAddress.init)
        if let email, !email.isValid {
            throw WireMappingError(field: "\(field).email", problem: "'\(email.address)' is not an email address")
        }
        let externalID = clean(wire.externalID)
        guard externalID != nil || email != nil else {
            throw WireMappingError(field: field, problem: "a lead needs an externalID or an email")
        }
        self.init(
            externalID: externalID, firstName: clean(wire.firstName), lastName: clean(wire.lastName), email: email,
            phone: clean(wire.phone), company: clean(wire.company), title: clean(wire.title),
            country: clean(wire.country), city: clean(wire.city), source: clean(wire.source),
            doNotEmail: wire.doNotEmail ?? false, doNotCall: wire.doNotCall ?? false,
            attributes: LeadAttributes(
                (wire.attributes?.additionalProperties ?? [:]).mapValues { AttributeValue.text($0) }))
    }

    /// The deduplication key of a lead from the API, the same rule as the CSV import's default
    /// (`externalIDThenEmail`): `ext:ID` when there is an external id, else `email:normalized`.
    package var apiDedupeKey: String? {
        if let externalID, !externalID.isEmpty { return "ext:\(externalID)" }
        if let email, !email.normalized.isEmpty { return "email:\(email.normalized)" }
        return nil
    }
}

extension EngagementEvent {
    /// The domain event of a wire event input.
    /// - Throws: ``WireMappingError`` naming `field.leadID` when the lead id is not a UUID,
    ///   `field.type` when the type is blank or over 100 characters, or `field.dedupeKey` over 500
    ///   (the schema's `maxLength`); `field.type` or `field.dedupeKey` holding a NUL byte.
    package init(wire: Components.Schemas.EngagementEventInput, field: String) throws(WireMappingError) {
        let leadID = try WireIdentifiers.leadID(wire.leadID, field: "\(field).leadID")
        let type = wire._type.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !type.isEmpty else { throw WireMappingError(field: "\(field).type", problem: "the event type is blank") }
        guard type.count <= 100 else {
            throw WireMappingError(field: "\(field).type", problem: "longer than 100 characters")
        }
        if let key = wire.dedupeKey, key.count > 500 {
            throw WireMappingError(field: "\(field).dedupeKey", problem: "longer than 500 characters")
        }
        for (name, value) in [("type", wire._type), ("dedupeKey", wire.dedupeKey ?? "")] where value.utf8.contains(0) {
            throw WireMappingError(field: "\(field).\(name)", problem: "contains a NUL byte (\\0)")
        }
        let key = wire.dedupeKey.flatMap { $0.isEmpty ? nil : "src:\($0)" }
        self.init(leadID: leadID, type: type, occurredAt: wire.occurredAt, value: wire.value, dedupeKey: key)
    }
}
