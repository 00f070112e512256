import Foundation
import LeadScoring

/// `evaluate`'s report as people read it.
struct EvaluationReportText {
    let report: EvaluationReport
    let seconds: Double

    var rendered: String {
        var lines: [String] = []
        let rate = report.leadCount > 0 ? Double(report.positiveCount) / Double(report.leadCount) : 0
        lines.append(
            "\(report.leadCount) labelled leads, \(report.positiveCount) positive (\(percent(rate))); "
                + "\(report.folds)-fold stratified cross-validation, seed \(report.seed)")
        for evaluation in [report.current, report.calibrated, report.calibratedPoints] {
            lines.append("")
            lines += section(evaluation)
        }
        if let points = report.calibratedModelThresholdForTargetPrecision {
            lines.append("")
            lines.append(
                "the calibrated points model (`model calibrate`) reaches precision "
                    + "\(fixed(report.calibrated.targetPrecision, 2)) at about \(RuleValue.number(points)) points")
        }
        lines.append("")
        lines.append("time \(fixed(seconds, 3)) s")
        return lines.joined(separator: "\n")
    }

    private func section(_ evaluation: ModelEvaluation) -> [String] {
        let unit = evaluation.scoreUnit
        var lines = [evaluation.name]
        lines.append(
            "  ROC AUC         \(fixed(evaluation.rocAUC.mean, 3)) ± \(fixed(evaluation.rocAUC.deviation, 3)) "
                + "(folds: \(evaluation.foldAUCs.map { fixed($0, 3) }.joined(separator: ", ")))")
        lines.append(
            "  at threshold \(threshold(evaluation.threshold, unit)): precision \(fixed(evaluation.precision, 3)), "
                + "recall \(fixed(evaluation.recall, 3)), F1 \(fixed(evaluation.f1, 3))")
        if let target = evaluation.thresholdForTargetPrecision {
            lines.append(
                "  precision \(fixed(evaluation.targetPrecision, 2)) from \(threshold(target, unit)) up")
        } else {
            lines.append("  no threshold reaches precision \(fixed(evaluation.targetPrecision, 2))")
        }
        lines.append(
            "  lift by decile  " + evaluation.liftByDecile.map { fixed($0.lift, 2) }.joined(separator: "  "))
        return lines
    }

    private func threshold(_ value: Double, _ unit: String) -> String {
        unit == "points" ? "\(RuleValue.number(value)) points" : "P ≥ \(fixed(value, 3))"
    }

    private func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    private func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }
}
