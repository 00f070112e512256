import Foundation
public import ServerStore

/// Imports a CSV file of leads into the store, as one transaction (SPEC §8): rows that cannot be
/// read are reported and skipped, the others are created, updated, left unchanged, or merged into
/// a lead the same run already wrote. Re-running an import changes nothing. With `strict`, any
/// rejected row refuses the whole file: every row is still read, so the summary lists every
/// rejection, and nothing is stored.
public struct LeadImporter: Sendable {
    let store: any LeadStore

    /// An importer writing into `store`.
    public init(store: any LeadStore) {
        self.store = store
    }

    /// Runs the import.
    /// - Returns: the summary; `committed` is `false` when `strict` refused the file.
    /// - Throws: ``IntakeError`` when the file turns out to be unreadable part-way (for example
    ///   an encoding refusal found at its end); a store error. Either way nothing is stored.
    public func run(_ plan: LeadImportPlan, strict: Bool) throws -> ImportSummary {
        let started = ContinuousClock.now
        var summary = ImportSummary(file: plan.csvPath)
        do {
            try store.importLeads(runID: ImportRunID()) { session in
                try plan.intake.forEach { row in
                    switch row {
                    case .problem(let problem):
                        summary.rejected.append(
                            RejectedRow(row: problem.rowNumber, column: problem.column, reason: problem.reason))
                    case .record(let record):
                        switch try session.upsert(record.lead, dedupeKey: record.dedupeKey) {
                        case .created: summary.created += 1
                        case .updated: summary.updated += 1
                        case .unchanged: summary.unchanged += 1
                        case .merged(let leadID):
                            summary.merged.append(
                                MergedRow(row: record.rowNumber, leadID: leadID, dedupeKey: record.dedupeKey))
                        }
                    }
                }
                if strict && !summary.rejected.isEmpty { throw StrictRefusal() }
            }
        } catch is StrictRefusal {
            summary.committed = false
            summary.created = 0
            summary.updated = 0
            summary.unchanged = 0
            summary.merged = []
        }
        summary.rowsRead = plan.intake.rowsRead
        let elapsed = ContinuousClock.now - started
        summary.durationSeconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary
    }

    private struct StrictRefusal: Error {}
}
