import CommandLineSupport
import LeadPipeline

/// The readable form of a routing run.
enum RoutingSummaryText {
    static func render(_ summary: RoutingSummary) -> String {
        var lines = [
            "routed \(summary.routed) MQLs, re-routed \(summary.rerouted) leads of deactivated reps, "
                + "merged \(summary.mergedDuplicates) duplicates; \(summary.overflow) waiting in overflow"
        ]
        if summary.releasedToOverflow > 0 {
            lines.append(
                "\(summary.releasedToOverflow) leads of deactivated reps had no other rep: out of their scope, waiting in overflow"
            )
        }
        for email in summary.unavailableRepEmails {
            lines.append("warning: rules name \(email), which is no active rep")
        }
        if !summary.perRep.isEmpty {
            var table = TextTable("REP", "LEADS")
            for (email, count) in summary.perRep.sorted(by: { $0.key < $1.key }) {
                table.append([email, String(count)])
            }
            lines.append(table.rendered())
        }
        return lines.joined(separator: "\n")
    }
}
