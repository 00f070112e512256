import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline
import LeadScoring

/// `model calibrate --out FILE`: fits the calibrated model on every lead with a known outcome and
/// writes it as an ordinary, readable points model (JSON) that `model set` accepts.
struct ModelCalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a points model to known outcomes and write it as a readable model file (JSON).",
        discussion: """
            An L2 logistic regression over the scoring features (never post-contact columns), written back as points \
            per feature value and a threshold at P(convert) ≥ 0.5. Engagement rules and required criteria are \
            copied from the current model. Review the file, then load it with `model set FILE`.
            """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var format: OutputFormatOptions
    @Option(help: "Where to write the model (JSON).") var out: String
    @Option(help: "Where known outcomes come from.") var labelFrom: LabelSource = .outcome
    @Option(
        name: .customLong("exclude-attribute"),
        help: "An attribute the regression must not read (repeatable; identifiers such as lead_number).")
    var excludedAttributes: [String] = EvaluateCommand.defaultExcludedAttributes

    struct Written: Encodable {
        var out: String
        var name: String
        var fitRules: Int
        var threshold: Double
        var pointsPerLogOdds: Double
        var logOddsAtZero: Double
        var labelledLeads: Int
    }

    func run() throws {
        let backend = try store.openBackend()
        let base = try CurrentScoringModel.required(in: backend)
        let labelled = try LabelledLeads(backend: backend, source: labelFrom)
        var options = EvaluationOptions()
        options.calibration.features.excludedAttributes = Swift.Set(excludedAttributes)
        let written: CalibratedPointsModel
        do {
            written = try Evaluation(options: options).calibrate(leads: labelled.leads, model: base)
        } catch let error as Evaluation.EvaluationError {
            throw CommandFailure(error.description)
        }
        var model = written.model
        if base.name.hasSuffix(" (calibrated)") { model.name = base.name }  // not "(calibrated) (calibrated)"
        do {
            try ScoringModelDocumentWriter.json(model).write(to: URL(fileURLWithPath: out))
        } catch {
            throw CommandFailure("\(out): cannot write the model: \(error.localizedDescription)")
        }
        let result = Written(
            out: out, name: model.name, fitRules: model.fitRules.count, threshold: model.qualification.threshold,
            pointsPerLogOdds: written.pointsPerLogOdds,
            logOddsAtZero: written.logOddsAtZero, labelledLeads: labelled.leads.count)
        if format.json {
            Console.current.line(try JSONOutput.render(result))
            return
        }
        Console.current.line("wrote \(out): \(result.name)")
        Console.current.line(
            "  \(result.fitRules) fit rules from \(result.labelledLeads) labelled leads; qualifies at "
                + "\(RuleValue.number(result.threshold)) points (P ≥ 0.5); "
                + "P = 1 / (1 + exp(-(\(String(format: "%.4f", result.logOddsAtZero)) + points / "
                + "\(RuleValue.number(result.pointsPerLogOdds)))))")
        Console.current.line("  review it, then: leadrelay-server model set \(out)")
    }
}
