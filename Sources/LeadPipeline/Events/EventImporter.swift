public import Foundation
import LeadModel
public import LeadScoring
public import StoreContract

/// Imports engagement events from a CSV file through an ``EventMapping`` (issue 3 item 4), then
/// rescores the leads it touched.
///
/// Each row names its lead by external id or email (per `lead.match`); a row naming no stored
/// lead, or with a blank type, an unreadable timestamp, a timestamp more than
/// `EngagementEvent.futureTolerance` ahead of the clock, or a value that is not a number, is a row
/// problem (reported, the rest imported). Events are stored in one transaction; an event whose
/// identity is already stored — the source's id when the mapping has an `id` column, else
/// (lead, type, time, value) — counts once (SPEC §4: the same event delivered twice counts once).
public struct EventImporter: Sendable {
    let store: any LeadStore & HandoffStore
    let clock: @Sendable () -> Date

    /// An importer writing into `store`; `clock` is the instant touched leads are rescored at.
    public init(store: any LeadStore & HandoffStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// Imports `csvPath` with `mapping`, then rescores the touched leads with `model` (skipped when
    /// `nil`).
    /// - Throws: ``IntakeError`` for a file-level problem (missing file, header without a mapped
    ///   column, encoding): nothing stored; a store error; `ScoringModelError` for an invalid model.
    public func run(csvPath: String, mapping: EventMapping, model: ScoringModel?) throws -> EventImportSummary {
        try store.atomically {
            let started = ContinuousClock.now
            let reader = try CSVRecordReader(path: csvPath, delimiter: mapping.delimiter, encoding: mapping.encoding)
            let columns = try HeaderIndex(header: reader.header, path: csvPath)
            let missingColumns = columns.missing(mapping.requiredColumns)
            guard missingColumns.isEmpty else {
                throw IntakeError.missingColumns(path: csvPath, columns: missingColumns)
            }
            let column = { (name: String) in columns.index(of: name) ?? 0 }
            let leadIndex = column(mapping.leadColumn)
            let typeIndex = column(mapping.typeColumn)
            let timeIndex = column(mapping.timestampColumn)
            let valueIndex = mapping.valueColumn.map(column)
            let idIndex = mapping.idColumn.map(column)
            let pattern = mapping.timestampFormat.flatMap(DatePattern.init)

            var summary = EventImportSummary(file: csvPath)
            let now = clock()
            var events: [EngagementEvent] = []
            var leadsByKey: [String: LeadID?] = [:]
            func reject(_ row: Int, _ column: String?, _ reason: String) {
                summary.rejected.append(RejectedRow(row: row, column: column, reason: reason))
            }
            func cell(_ fields: [String], _ index: Int) -> String? {
                let text = fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty || mapping.missing.contains(text) ? nil : text
            }
            try reader.forEach { record in
                summary.rowsRead += 1
                let row = record.rowNumber
                if let problem = record.problem {
                    reject(
                        row, problem.column.map { $0 < reader.header.count ? reader.header[$0] : "column \($0 + 1)" },
                        problem.reason)
                    return
                }
                let fields = record.fields
                guard fields.count == reader.header.count else {
                    reject(row, nil, LeadIntake.fieldCountReason(found: fields.count, expected: reader.header.count))
                    return
                }
                guard let key = cell(fields, leadIndex) else {
                    reject(row, mapping.leadColumn, "no lead named (blank)")
                    return
                }
                if SpreadsheetDamage.isScientificNotation(key) {
                    reject(row, mapping.leadColumn, SpreadsheetDamage.reason(for: key))
                    return
                }
                let leadID: LeadID?
                if let known = leadsByKey[key] {
                    leadID = known
                } else {
                    leadID = try findLead(key, match: mapping.leadMatch)
                    leadsByKey[key] = leadID
                }
                guard let leadID else {
                    reject(row, mapping.leadColumn, "no lead with \(Self.describe(mapping.leadMatch)) '\(key)'")
                    return
                }
                guard var type = cell(fields, typeIndex) else {
                    reject(row, mapping.typeColumn, "the event type is blank")
                    return
                }
                switch mapping.typeCase {
                case .lower?: type = type.lowercased()
                case .upper?: type = type.uppercased()
                case .title?: type = type.capitalized(with: Locale(identifier: "en_US_POSIX"))
                case nil: break
                }
                guard let timeText = cell(fields, timeIndex) else {
                    reject(row, mapping.timestampColumn, "the timestamp is blank")
                    return
                }
                let occurredAt: Date
                if let pattern {
                    switch pattern.read(timeText) {
                    case .date(let date): occurredAt = date
                    case .impossible(let reason):
                        reject(row, mapping.timestampColumn, reason)
                        return
                    case .mismatch:
                        reject(
                            row, mapping.timestampColumn,
                            "'\(timeText)' does not match the declared format \(pattern.format)")
                        return
                    }
                } else {
                    switch DatePattern.readUndeclared(timeText) {
                    case .success(let date): occurredAt = date
                    case .failure(let violation):
                        reject(row, mapping.timestampColumn, violation.reason)
                        return
                    }
                }
                if let problem = EngagementEvent.futureDateProblem(occurredAt, now: now) {
                    summary.futureDated += 1
                    reject(row, mapping.timestampColumn, "'\(timeText)' is \(problem)")
                    return
                }
                var value: Double?
                if let valueIndex, let text = cell(fields, valueIndex) {
                    guard let number = Double(text), number.isFinite, !text.contains(where: \.isLetter) else {
                        reject(row, mapping.valueColumn, "'\(text)' is not a number")
                        return
                    }
                    value = number
                }
                let sourceID = idIndex.flatMap { cell(fields, $0) }
                events.append(
                    EngagementEvent(
                        leadID: leadID, type: type, occurredAt: occurredAt, value: value,
                        dedupeKey: sourceID.map { "src:\($0)" }))
            }
            summary.added = try store.addEvents(events)
            summary.duplicates = events.count - summary.added
            let touched = Array(Set(events.map(\.leadID)))
            summary.leadsTouched = touched.count
            if let model, !touched.isEmpty {
                summary.scoring = try ScoringRun(store: store, clock: clock).run(model: model, leadIDs: touched)
            }
            let elapsed = ContinuousClock.now - started
            summary.durationSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return summary
        }
    }

    private func findLead(_ key: String, match: EventLeadMatch) throws -> LeadID? {
        switch match {
        case .externalID: return try store.lead(dedupeKey: "ext:" + key)?.id
        case .email: return try store.lead(email: EmailAddress(key))?.id
        case .externalIDThenEmail:
            if let lead = try store.lead(dedupeKey: "ext:" + key) { return lead.id }
            return key.contains("@") ? try store.lead(email: EmailAddress(key))?.id : nil
        }
    }

    private static func describe(_ match: EventLeadMatch) -> String {
        switch match {
        case .externalID: return "external id"
        case .email: return "email"
        case .externalIDThenEmail: return "external id or email"
        }
    }
}
