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
        if summary.identifiedByEmail > 0 {
            lines.append(
                "  by email      \(summary.identifiedByEmail) (rows without an external id, same email as a lead with one)"
            )
        }
        if summary.externalIDsAdopted > 0 {
            lines.append(
                "  ids adopted   \(summary.externalIDsAdopted) (leads without an external id took the row's id; same email)"
            )
        }
        if !summary.sharedEmails.isEmpty {
            lines.append(
                "  shared email  \(summary.sharedEmails.count) (new leads whose email leads with other external ids have)"
            )
        }
        lines.append("  time          \(String(format: "%.3f", summary.durationSeconds)) s")
        for merge in summary.merged.prefix(Self.listedRejections) {
            lines.append("  row \(merge.row): merged into lead \(merge.leadID) (same \(merge.dedupeKey))")
        }
        for shared in summary.sharedEmails.prefix(Self.listedRejections) {
            let others = shared.otherExternalIDs.joined(separator: ", ")
            lines.append(
                "  row \(shared.row): external id \(shared.externalID) is a new lead; \(shared.email) is also the email of \(others) (check the pair)"
            )
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
