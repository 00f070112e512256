import Foundation

extension FunnelReport {
    /// The report as one spreadsheet-safe CSV in long form: `section,group,metric,value`
    /// (sections `stages`, `conversion`, `source`, `time_in_stage`, `overflow`; rates 0–1, hours).
    public var csv: String {
        var csv = SpreadsheetCSV(header: ["section", "group", "metric", "value"])
        for stage in stages { csv.append(["stages", stage.stage, "leads", String(stage.count)]) }
        for (section, rows) in [("conversion", [conversion]), ("source", bySource)] {
            for row in rows {
                csv.append([section, row.group, "mql", String(row.mql)])
                csv.append([section, row.group, "handed", String(row.handed)])
                csv.append([section, row.group, "accepted", String(row.accepted)])
                csv.append([section, row.group, "converted", String(row.converted)])
                csv.append([section, row.group, "mql_to_accepted", ReportFormatting.decimal(row.mqlToAccepted)])
                csv.append([
                    section, row.group, "accepted_to_converted", ReportFormatting.decimal(row.acceptedToConverted),
                ])
                csv.append([section, row.group, "mql_to_converted", ReportFormatting.decimal(row.mqlToConverted)])
            }
        }
        for stay in timeInStage {
            csv.append([
                "time_in_stage", stay.stage, "median_hours", stay.medianHours.map { String(format: "%.2f", $0) } ?? "",
            ])
            csv.append(["time_in_stage", stay.stage, "stays", String(stay.stays)])
        }
        csv.append(["overflow", "all", "leads", String(overflow)])
        return csv.text
    }
}
