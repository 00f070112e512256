import CommandLineSupport
import Foundation
import LeadPipeline

/// The readable (terminal) forms of the reports.
enum ReportText {
    static func percent(_ rate: Double?) -> String { rate.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }

    /// `24 h`, `1.5 h`.
    static func hours(_ hours: Double) -> String {
        hours == hours.rounded() ? "\(Int(hours)) h" : String(format: "%.1f h", hours)
    }

    static func funnel(_ report: FunnelReport) -> String {
        var out: [String] = []
        let conversion = report.conversion
        out.append(
            "\(report.leads) leads · \(conversion.mql) MQL → \(conversion.accepted) accepted "
                + "(\(percent(conversion.mqlToAccepted))) → \(conversion.converted) converted "
                + "(\(percent(conversion.acceptedToConverted))) · \(report.overflow) in overflow")
        var stages = TextTable("STAGE", "LEADS", "MEDIAN HOURS IN STAGE")
        for (count, stay) in zip(report.stages, report.timeInStage) {
            stages.append([
                count.stage, String(count.count), stay.medianHours.map { String(format: "%.1f", $0) } ?? "-",
            ])
        }
        out.append(stages.rendered())
        var sources = TextTable("SOURCE", "MQL", "ACCEPTED", "CONVERTED", "MQL→ACC", "ACC→CONV")
        for row in report.bySource {
            sources.append([
                row.group, String(row.mql), String(row.accepted), String(row.converted), percent(row.mqlToAccepted),
                percent(row.acceptedToConverted),
            ])
        }
        out.append(sources.rendered())
        return out.joined(separator: "\n\n")
    }

    static func quality(_ report: QualityReport) -> String {
        var out: [String] = []
        let overall = report.overall
        out.append(
            "\(overall.handed) handed · \(overall.reviewed) reviewed · \(overall.accepted) accepted "
                + "(\(percent(overall.acceptanceRate)) of reviewed) · \(overall.rejected) rejected · "
                + "\(overall.pending) awaiting review (\(overall.pendingPastSLA) past the \(hours(report.slaHours)) SLA"
                + (overall.oldestPendingHours.map { ", oldest \(ReportFormatting.age(hours: $0))" } ?? "") + ") · "
                + "\(report.converted) converted · \(report.overflow) in overflow")
        func table(_ title: String, _ rows: [AcceptanceRow]) -> String {
            var table = TextTable(
                title, "HANDED", "REVIEWED", "ACCEPTED", "REJECTED", "ACCEPTANCE", "AWAITING", "PAST SLA", "OLDEST")
            for row in rows {
                table.append([
                    row.group, String(row.handed), String(row.reviewed), String(row.accepted), String(row.rejected),
                    percent(row.acceptanceRate), String(row.pending), String(row.pendingPastSLA),
                    ReportFormatting.age(hours: row.oldestPendingHours),
                ])
            }
            return table.rendered()
        }
        out.append(table("SOURCE", report.bySource))
        out.append(table("SCORE BAND", report.byScoreBand))
        out.append(table("GRADE", report.byGrade))
        if !report.byRule.isEmpty { out.append(table("RULE", report.byRule)) }
        var reasons = TextTable("REJECTION REASON", "MEANING", "COUNT")
        for reason in report.rejectionReasons { reasons.append([reason.reason, reason.label, String(reason.count)]) }
        out.append(reasons.rendered())
        var reps = TextTable("REP", "HANDED", "REVIEWED", "ACCEPTED", "SHARE", "ON TIME", "LATE", "BREACHES", "SLA")
        for rep in report.reps {
            reps.append([
                rep.email, String(rep.handed), String(rep.reviewed), String(rep.accepted), percent(rep.acceptedShare),
                String(rep.onTime),
                String(rep.late), String(rep.breaches), percent(rep.slaCompliance),
            ])
        }
        out.append(reps.rendered())
        return out.joined(separator: "\n\n")
    }
}
