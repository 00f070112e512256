public import Foundation
import LeadModel
public import LeadScoring
public import StoreContract

/// Imports a CSV file of leads into the store, as one transaction (SPEC §8): rows that cannot be
/// read are reported and skipped, the others are created, updated, left unchanged, or merged into
/// a lead the same run already wrote. Re-running an import changes nothing. With `strict`, any
/// rejected row refuses the whole file: every row is still read, so the summary lists every
/// rejection, and nothing is stored.
///
/// With a scoring model in force, the leads the import created or changed are then scored under
/// it and their stages moved (``ScoringRun``), so a new lead does not wait in `new` for the next
/// `score` run.
public struct LeadImporter: Sendable {
    let store: any LeadStore & HandoffStore
    let clock: @Sendable () -> Date

    /// An importer writing into `store`; `clock` is the instant touched leads are scored at.
    public init(store: any LeadStore & HandoffStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// Runs the import, then scores the created and changed leads under `model` (skipped when
    /// `nil`, or when `strict` refused the file), as one transaction.
    /// - Returns: the summary; `committed` is `false` when `strict` refused the file.
    /// - Throws: ``IntakeError`` when the file turns out to be unreadable part-way (for example
    ///   an encoding refusal found at its end); `ScoringModelError` for an invalid model; a store
    ///   error. Whichever it is, nothing of the import is stored.
    public func run(_ plan: LeadImportPlan, strict: Bool, model: ScoringModel? = nil) throws -> ImportSummary {
        try store.atomically {
            try store.lockJob(ImportJob.name)
            let started = ContinuousClock.now
            var summary = ImportSummary(file: plan.csvPath)
            var touched: [LeadID] = []
            let emailColumn = plan.intake.mapping.columns.first { $0.target == .field(.email) }?.column
            do {
                try store.importLeads(runID: ImportRunID()) { session in
                    try plan.intake.forEach { row in
                        switch row {
                        case .problem(let problem):
                            summary.rejected.append(
                                RejectedRow(row: problem.rowNumber, column: problem.column, reason: problem.reason))
                        case .record(let record):
                            let upsert: LeadUpsert
                            do {
                                upsert = try session.upsert(record.lead, dedupeKey: record.dedupeKey)
                            } catch let error as LeadStoreError {
                                guard case .emailMatchesSeveralLeads = error else { throw error }
                                summary.rejected.append(
                                    RejectedRow(row: record.rowNumber, column: emailColumn, reason: error.description))
                                return
                            }
                            summary.count(upsert, of: record)
                            if let leadID = upsert.outcome.changedLeadID { touched.append(leadID) }
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
                summary.identifiedByEmail = 0
                summary.externalIDsAdopted = 0
                summary.sharedEmails = []
                touched = []
            }
            summary.rowsRead = plan.intake.rowsRead
            if let model, !touched.isEmpty {
                summary.scoring = try ScoringRun(store: store, clock: clock).run(model: model, leadIDs: touched)
            }
            let elapsed = ContinuousClock.now - started
            summary.durationSeconds =
                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return summary
        }
    }

    private struct StrictRefusal: Error {}
}
