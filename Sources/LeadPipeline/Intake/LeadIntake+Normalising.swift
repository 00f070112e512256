import Foundation
import LeadModel

extension LeadIntake {
    /// Turns one well-formed record into a lead and its dedupe key, by the mapping's value rules;
    /// the first value that breaks a rule makes the whole row a problem naming its column.
    func lead(from record: CSVRecord) -> Result<IntakeRecord, IntakeRowProblem> {
        let fields = record.fields
        // Every lead of this intake shares the mapping's key tables (a scorer resolves attribute
        // names to slots once for the whole import).
        var lead = Lead(
            id: makeLeadID(), attributes: LeadAttributes(keyTable: attributeKeys),
            postContactAttributes: LeadAttributes(keyTable: postContactKeys))
        for column in plan {
            guard let index = column.index else { continue }
            let raw = fields[index]
            let trimmed = Self.trimmed(raw)
            if trimmed.isEmpty || column.missing.contains(trimmed) { continue }
            if column.identifiesLead, SpreadsheetDamage.isScientificNotation(trimmed) {
                return .failure(
                    IntakeRowProblem(
                        rowNumber: record.rowNumber, column: column.mapping.column,
                        reason: SpreadsheetDamage.reason(for: trimmed)))
            }
            let value: AttributeValue
            switch read(raw: raw, trimmed: trimmed, column: column) {
            case .success(let read): value = read
            case .failure(let reason):
                return .failure(
                    IntakeRowProblem(rowNumber: record.rowNumber, column: column.mapping.column, reason: reason.reason))
            }
            assign(value, to: column.mapping, of: &lead)
        }
        lead.outcome = outcome(of: fields)
        if case .columns(let names) = mapping.key,
            let (name, index) = zip(names, keyIndexes).first(where: {
                SpreadsheetDamage.isScientificNotation(Self.trimmed(fields[$0.1]))
            })
        {
            return .failure(
                IntakeRowProblem(
                    rowNumber: record.rowNumber, column: name,
                    reason: SpreadsheetDamage.reason(for: Self.trimmed(fields[index]))))
        }
        guard let key = dedupeKey(of: lead, fields: fields, rowNumber: record.rowNumber) else {
            return .failure(
                IntakeRowProblem(rowNumber: record.rowNumber, column: nil, reason: "no dedupe key: \(keyHint)"))
        }
        return .success(IntakeRecord(rowNumber: record.rowNumber, dedupeKey: key, lead: lead))
    }

    private func read(raw: String, trimmed: String, column: IntakeColumnPlan) -> Result<
        AttributeValue, ValueRuleViolation
    > {
        switch column.mapping.type {
        case .text:
            switch column.mapping.caseFolding {
            case nil: return .success(.text(raw))
            case .lower: return .success(.text(raw.lowercased()))
            case .upper: return .success(.text(raw.uppercased()))
            case .title: return .success(.text(raw.capitalized(with: Locale(identifier: "en_US_POSIX"))))
            }
        case .number:
            guard let number = Double(trimmed), number.isFinite, !trimmed.contains(where: \.isLetter) else {
                return .failure(ValueRuleViolation(reason: "'\(raw)' is not a number"))
            }
            return .success(.number(number))
        case .bool:
            let word = trimmed.lowercased()
            if column.mapping.yesValues.contains(word) { return .success(.bool(true)) }
            if column.mapping.noValues.contains(word) { return .success(.bool(false)) }
            let words = (column.mapping.yesValues.sorted() + column.mapping.noValues.sorted()).joined(separator: ", ")
            return .failure(ValueRuleViolation(reason: "'\(raw)' is not a yes/no value (\(words))"))
        case .date:
            guard let pattern = column.datePattern else { return DatePattern.readUndeclared(trimmed).map { .date($0) } }
            switch pattern.read(trimmed) {
            case .date(let date): return .success(.date(date))
            case .impossible(let reason): return .failure(ValueRuleViolation(reason: reason))
            case .mismatch:
                return .failure(
                    ValueRuleViolation(reason: "'\(raw)' does not match the declared format \(pattern.format)"))
            }
        }
    }

    private func assign(_ value: AttributeValue, to column: ColumnMapping, of lead: inout Lead) {
        switch column.target {
        case .attribute(let name):
            if column.postContact {
                lead.postContactAttributes[name] = value
            } else {
                lead.attributes[name] = value
            }
        case .field(let field):
            let text: String
            switch value {
            case .text(let string): text = string
            case .bool(let flag):
                if field == .doNotEmail { lead.doNotEmail = flag }
                if field == .doNotCall { lead.doNotCall = flag }
                return
            case .date(let date):
                lead.createdAt = date
                return
            case .number: text = value.description
            }
            switch field {
            case .externalID: lead.externalID = Self.trimmed(text)
            case .firstName: lead.firstName = text
            case .lastName: lead.lastName = text
            case .email: lead.email = EmailAddress(text)
            case .phone: lead.phone = text
            case .company: lead.company = text
            case .title: lead.title = text
            case .country: lead.country = text
            case .city: lead.city = text
            case .source: lead.source = text
            case .doNotEmail, .doNotCall, .createdAt: break  // typed above
            }
        }
    }

    private func outcome(of fields: [String]) -> LeadOutcome? {
        guard let outcomeIndex else { return nil }
        let label = Self.trimmed(fields[outcomeIndex])
        switch mapping.outcome {
        case .labelColumn(_, let won):
            guard !label.isEmpty, !globalMissing.contains(label) else { return nil }
            return LeadOutcome(won: won.contains(label), label: label)
        case .joinFile:
            guard let joinTable, !label.isEmpty, let details = joinTable[label] else {
                return LeadOutcome(won: false, label: "open")
            }
            return LeadOutcome(won: true, label: "won", details: details)
        case nil:
            return nil
        }
    }

    private func dedupeKey(of lead: Lead, fields: [String], rowNumber: Int) -> String? {
        let externalID = lead.externalID.flatMap { $0.isEmpty ? nil : "ext:\($0)" }
        let email = lead.email.flatMap { $0.normalized.isEmpty ? nil : "email:\($0.normalized)" }
        switch mapping.key {
        case .externalIDThenEmail: return externalID ?? email
        case .externalID: return externalID
        case .email: return email
        case .rowNumber: return "row:\(fileName):\(rowNumber)"
        case .columns:
            let values = keyIndexes.map { Self.trimmed(fields[$0]) }
            guard values.contains(where: { !$0.isEmpty }) else { return nil }
            return "key:" + values.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: "|")
        }
    }

    private var keyHint: String {
        switch mapping.key {
        case .externalIDThenEmail: return "external id and email are both blank"
        case .externalID: return "external id is blank"
        case .email: return "email is blank"
        case .rowNumber: return "no row number"
        case .columns(let names): return "key columns \(names.joined(separator: ", ")) are all blank"
        }
    }

    /// `11 fields, expected 9` (or `1 field, expected 9`).
    static func fieldCountReason(found: Int, expected: Int) -> String {
        "\(found) \(found == 1 ? "field" : "fields"), expected \(expected)"
    }

    /// `text` without surrounding spaces and tabs (and line breaks); the same string when there
    /// are none, without allocating.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard isSpace(first) || isSpace(last) else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
