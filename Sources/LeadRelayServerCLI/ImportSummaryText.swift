import Foundation
import LeadPipeline

/// The import summary as a marketing-ops person reads it.
struct ImportSummaryText {
    let summary: ImportSummary
    let strict: Bool

    /// At most this many rejected rows are listed one by one; the rest are counted.
    static let listedRejections = 50

    var rendered: String {
        var lines: [String] = []
        lines.append("imported \(summary.file)")
        lines.append("  rows read     \(summary.rowsRead)")
        lines.append("  created       \(summary.created)")
        lines.append("  updated       \(summary.updated)")
        lines.append("  unchanged     \(summary.unchanged)")
        lines.append("  merged        \(summary.merged.count)")
        lines.append("  rejected      \(summary.rejected.count)")
        lines.append("  time          \(String(format: "%.3f", summary.durationSeconds)) s")
        for merge in summary.merged.prefix(Self.listedRejections) {
            lines.append("  row \(merge.row): merged into lead \(merge.leadID) (same \(merge.dedupeKey))")
        }
        for rejection in summary.rejected.prefix(Self.listedRejections) {
            let column = rejection.column.map { ", column \($0)" } ?? ""
            lines.append("  row \(rejection.row)\(column): \(rejection.reason)")
        }
        if summary.rejected.count > Self.listedRejections {
            lines.append(
                "  … and \(summary.rejected.count - Self.listedRejections) more rejected rows (--json lists all)")
        }
        if let scoring = summary.scoring { lines.append(ScoringRunText(summary: scoring).rendered) }
        if !summary.committed {
            lines.append("nothing was stored: --strict refuses the file when any row is rejected")
        } else if !summary.rejected.isEmpty {
            lines.append(
                "the other rows were stored; fix the rejected rows and import again (re-importing changes nothing else)"
            )
        }
        return lines.joined(separator: "\n")
    }
}
