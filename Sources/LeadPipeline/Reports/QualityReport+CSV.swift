extension QualityReport {
    /// The report as one spreadsheet-safe CSV in long form: `section,group,metric,value`
    /// (sections `overall`, `source`, `score_band`, `grade`, `rule`, `rejection_reason`, `rep`,
    /// `overflow`; rates 0–1).
    public var csv: String {
        var csv = SpreadsheetCSV(header: ["section", "group", "metric", "value"])
        let sections: [(String, [AcceptanceRow])] = [
            ("overall", [overall]), ("source", bySource), ("score_band", byScoreBand), ("grade", byGrade),
            ("rule", byRule),
        ]
        for (section, rows) in sections {
            for row in rows {
                csv.append([section, row.group, "handed", String(row.handed)])
                csv.append([section, row.group, "reviewed", String(row.reviewed)])
                csv.append([section, row.group, "accepted", String(row.accepted)])
                csv.append([section, row.group, "rejected", String(row.rejected)])
                csv.append([section, row.group, "acceptance_rate", ReportFormatting.decimal(row.acceptanceRate)])
                csv.append([section, row.group, "pending", String(row.pending)])
                csv.append([section, row.group, "pending_past_sla", String(row.pendingPastSLA)])
                csv.append([
                    section, row.group, "oldest_pending_hours", ReportFormatting.decimal(row.oldestPendingHours),
                ])
            }
        }
        csv.append(["overall", "all", "converted", String(converted)])
        for reason in rejectionReasons {
            csv.append(["rejection_reason", reason.reason, "count", String(reason.count)])
            csv.append(["rejection_reason", reason.reason, "label", reason.label])
        }
        for rep in reps {
            csv.append(["rep", rep.email, "handed", String(rep.handed)])
            csv.append(["rep", rep.email, "reviewed", String(rep.reviewed)])
            csv.append(["rep", rep.email, "accepted", String(rep.accepted)])
            csv.append(["rep", rep.email, "accepted_share", ReportFormatting.decimal(rep.acceptedShare)])
            csv.append(["rep", rep.email, "on_time", String(rep.onTime)])
            csv.append(["rep", rep.email, "late", String(rep.late)])
            csv.append(["rep", rep.email, "breaches", String(rep.breaches)])
            csv.append(["rep", rep.email, "sla_compliance", ReportFormatting.decimal(rep.slaCompliance)])
        }
        csv.append(["overflow", "all", "leads", String(overflow)])
        return csv.text
    }
}
