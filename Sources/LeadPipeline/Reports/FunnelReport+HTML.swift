import Foundation

extension FunnelReport {
    /// The report as one self-contained HTML page: headline figures, a funnel bar chart
    /// (MQL → handed → accepted → converted), stages, sources and time in stage as tables.
    public var html: String {
        var page = HTMLPage(title: "LeadRelay funnel")
        page.paragraph(Self.scopeLine(generatedAt: generatedAt, since: since, leads: leads))
        page.tiles([
            ("MQLs", String(conversion.mql)), ("accepted", String(conversion.accepted)),
            ("converted", String(conversion.converted)),
            ("MQL → accepted", ReportFormatting.percent(conversion.mqlToAccepted)),
            ("accepted → converted", ReportFormatting.percent(conversion.acceptedToConverted)),
            ("in overflow", String(overflow)),
        ])
        page.heading("Funnel")
        let top = Double(max(conversion.mql, 1))
        page.barChart(
            [
                ("MQL", conversion.mql), ("handed to a rep", conversion.handed), ("accepted", conversion.accepted),
                ("converted", conversion.converted),
            ].map {
                ($0.0, Double($0.1), "\($0.1) (\(ReportFormatting.percent(Double($0.1) / top)))")
            }, maximum: top)
        page.heading("Leads by stage now")
        page.table(["stage", "leads"], stages.map { [$0.stage, String($0.count)] })
        page.heading("By source")
        page.table(
            ["source", "MQL", "handed", "accepted", "converted", "MQL → accepted", "accepted → converted"],
            bySource.map {
                [
                    $0.group, String($0.mql), String($0.handed), String($0.accepted), String($0.converted),
                    ReportFormatting.percent($0.mqlToAccepted), ReportFormatting.percent($0.acceptedToConverted),
                ]
            })
        page.heading("Median time in stage")
        page.table(
            ["stage", "median hours", "completed stays"],
            timeInStage.filter { $0.stays > 0 }.map {
                [$0.stage, ReportFormatting.hours($0.medianHours), String($0.stays)]
            })
        return page.html
    }

    /// "Generated … · since … · N leads".
    static func scopeLine(generatedAt: Date, since: Date?, leads: Int) -> String {
        var line = "Generated \(generatedAt.formatted(.iso8601))"
        if let since { line += " · leads active since \(since.formatted(.iso8601))" }
        return line + " · \(leads) leads (spam left out)"
    }
}
