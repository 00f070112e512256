import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline
import LeadScoring

/// `evaluate`: how well the current model, and a model calibrated from outcomes, predict the known
/// outcomes (SPEC §4; issue 3 item 5): ROC AUC under stratified k-fold cross-validation (mean ± sd),
/// precision, recall and F1 at the qualification threshold, lift per decile, and the threshold that
/// reaches a target precision.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure the current model and a calibrated one against known outcomes (k-fold ROC AUC, …).")
    @OptionGroup var store: StoreOptions
    @OptionGroup var format: OutputFormatOptions
    @Option(help: "Where known outcomes come from.") var labelFrom: LabelSource = .outcome
    @Option(help: "Cross-validation folds (2 or more).") var folds: Int = 5
    @Option(help: "Seed of the fold shuffle.") var seed: UInt64 = 42
    @Option(help: "The precision (0–1) whose threshold is reported.") var targetPrecision: Double = 0.7
    @Option(
        name: .customLong("exclude-attribute"),
        help: "An attribute the regression must not read (repeatable; identifiers such as lead_number).")
    var excludedAttributes: [String] = Self.defaultExcludedAttributes

    /// Identifiers left out of calibration by default: X Education's `Lead Number` is a running
    /// number, not something a lead is (SOURCE.md). Olist's `landing_page_id` is kept: it helps.
    static let defaultExcludedAttributes = ["lead_number"]

    func validate() throws {
        guard folds >= 2 else { throw ValidationError("--folds must be 2 or more, not \(folds)") }
        guard targetPrecision > 0, targetPrecision < 1 else {
            throw ValidationError("--target-precision must be between 0 and 1, not \(targetPrecision)")
        }
    }

    func run() throws {
        let backend = try store.openBackend()
        let model = try CurrentScoringModel.required(in: backend)
        let labelled = try LabelledLeads(backend: backend, source: labelFrom)
        var options = EvaluationOptions(folds: folds, seed: seed, targetPrecision: targetPrecision)
        options.calibration.features.excludedAttributes = Set(excludedAttributes)
        let started = ContinuousClock.now
        let report: EvaluationReport
        do {
            report = try Evaluation(options: options).run(
                leads: labelled.leads, events: labelled.events, model: model, now: Date())
        } catch let error as Evaluation.EvaluationError {
            throw CommandFailure(error.description)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if format.json {
            Console.current.line(try JSONOutput.render(report))
        } else {
            Console.current.line(EvaluationReportText(report: report, seconds: seconds).rendered)
        }
    }
}
