import Foundation

extension QualityReport {
    /// The report as one self-contained HTML page for a manager: headline figures, a hand-off
    /// funnel chart (handed → accepted → converted), acceptance by score band as a chart, then
    /// tables by source, grade, rule, rejection reason and rep.
    public var html: String {
        var page = HTMLPage(title: "LeadRelay lead quality")
        page.paragraph(
            "Generated \(ReportFormatting.dateTime(generatedAt))"
                + (since.map { " · leads active since \(ReportFormatting.dateTime($0))" } ?? "")
                + " · follow-up SLA \(ReportFormatting.hours(slaHours)) h · spam left out")
        page.tiles([
            ("handed to reps", String(overall.handed)), ("reviewed", String(overall.reviewed)),
            ("accepted", String(overall.accepted)),
            ("acceptance of reviewed", ReportFormatting.percent(overall.acceptanceRate)),
            ("converted", String(converted)), ("rejected", String(overall.rejected)),
            ("awaiting review", "\(overall.pending) (\(overall.pendingPastSLA) past SLA)"),
            ("in overflow", String(overflow)),
        ])
        page.heading("Hand-off funnel")
        let top = Double(max(overall.handed, 1))
        page.barChart(
            [("handed", overall.handed), ("accepted", overall.accepted), ("converted", converted)].map {
                ($0.0, Double($0.1), "\($0.1) (\(ReportFormatting.percent(Double($0.1) / top)))")
            }, maximum: top)
        page.heading("Acceptance by score band at hand-off")
        page.barChart(
            byScoreBand.map {
                (
                    $0.group, $0.acceptanceRate ?? 0,
                    "\(ReportFormatting.percent($0.acceptanceRate)) of \($0.handed)"
                )
            }, maximum: min(1, (byScoreBand.compactMap(\.acceptanceRate).max() ?? 1) * 1.2), color: "#2e8b57",
            reference: overall.acceptanceRate.map { ($0, "overall \(ReportFormatting.percent($0))") })
        page.paragraph(
            "Acceptance is over the leads reps have reviewed (accepted or rejected); leads awaiting review are counted apart, with the oldest one's age."
        )
        let header = [
            "", "handed", "reviewed", "accepted", "rejected", "acceptance of reviewed", "awaiting review",
            "past SLA", "oldest waiting",
        ]
        func rows(_ rows: [AcceptanceRow]) -> [[String]] {
            rows.map {
                [
                    $0.group, String($0.handed), String($0.reviewed), String($0.accepted), String($0.rejected),
                    ReportFormatting.percent($0.acceptanceRate), String($0.pending), String($0.pendingPastSLA),
                    ReportFormatting.age(hours: $0.oldestPendingHours),
                ]
            }
        }
        page.heading("By source")
        page.table(["source"] + header.dropFirst(), rows(bySource))
        page.heading("By grade at hand-off")
        page.table(["grade"] + header.dropFirst(), rows(byGrade))
        page.heading("By scoring rule that contributed")
        page.paragraph(
            "Which rules hand over leads that sales rejects: a rule's acceptance well below the overall rate is a candidate for fewer points."
        )
        page.table(["rule"] + header.dropFirst(), rows(byRule))
        page.heading("Rejection reasons")
        page.table(
            ["reason", "meaning", "rejections"], rejectionReasons.map { [$0.reason, $0.label, String($0.count)] })
        page.heading("Reps")
        page.paragraph(
            "Accepted share: of the leads each rep reviewed, how many were worth their time. SLA: answered within the follow-up SLA."
        )
        page.table(
            [
                "rep", "handed", "reviewed", "accepted", "accepted share", "on time", "late", "SLA breaches",
                "SLA compliance",
            ],
            reps.map {
                [
                    $0.name, String($0.handed), String($0.reviewed), String($0.accepted),
                    ReportFormatting.percent($0.acceptedShare), String($0.onTime), String($0.late),
                    String($0.breaches), ReportFormatting.percent($0.slaCompliance),
                ]
            })
        return page.html
    }
}
