import Foundation
import LeadPipeline

/// A scoring run's summary as people read it.
struct ScoringRunText {
    let summary: ScoringRunSummary

    var rendered: String {
        let rate = summary.leadsPerSecond > 0 ? String(format: " (%.0f leads/s)", summary.leadsPerSecond) : ""
        return [
            "scored \(summary.scored) leads with model version \(summary.modelVersion)",
            "  qualified          \(summary.qualified)",
            "  moved to mql       \(summary.movedToMQL)",
            "  moved to nurturing \(summary.movedToNurturing)",
            "  unchanged          \(summary.unchanged)",
            "  time               \(String(format: "%.3f", summary.durationSeconds)) s\(rate)",
        ].joined(separator: "\n")
    }
}
