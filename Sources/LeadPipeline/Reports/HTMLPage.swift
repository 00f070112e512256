import Foundation

/// A self-contained HTML page for a report: inline CSS, inline SVG charts, no scripts and no
/// external assets; every value from the data is escaped.
struct HTMLPage {
    private var body: [String] = []
    private let title: String

    init(title: String) { self.title = title }

    /// `&`, `<`, `>`, `"` and `'` as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    mutating func heading(_ text: String) { body.append("<h2>\(Self.escape(text))</h2>") }

    mutating func paragraph(_ text: String) { body.append("<p class=\"note\">\(Self.escape(text))</p>") }

    /// Headline figures as tiles.
    mutating func tiles(_ figures: [(label: String, value: String)]) {
        let tiles = figures.map {
            "<div class=\"tile\"><div class=\"value\">\(Self.escape($0.value))</div>"
                + "<div class=\"label\">\(Self.escape($0.label))</div></div>"
        }
        body.append("<div class=\"tiles\">\(tiles.joined())</div>")
    }

    /// A table; columns after the first are right-aligned numbers.
    mutating func table(_ header: [String], _ rows: [[String]]) {
        guard !rows.isEmpty else {
            body.append("<p class=\"note\">No data yet.</p>")
            return
        }
        var html = "<table><thead><tr>"
        html += header.map { "<th>\(Self.escape($0))</th>" }.joined()
        html += "</tr></thead><tbody>"
        for row in rows {
            html +=
                "<tr>"
                + row.enumerated().map { index, cell in
                    index == 0 ? "<td>\(Self.escape(cell))</td>" : "<td class=\"num\">\(Self.escape(cell))</td>"
                }.joined() + "</tr>"
        }
        body.append(html + "</tbody></table>")
    }

    /// A horizontal bar chart as inline SVG: one bar per item, its length `value / maximum`
    /// (`maximum` defaults to the largest value), the `caption` printed after the bar; a dashed
    /// line marks `reference` (for example the overall rate) when given.
    mutating func barChart(
        _ items: [(label: String, value: Double, caption: String)], maximum: Double? = nil, color: String = "#2f6fb0",
        reference: (value: Double, label: String)? = nil
    ) {
        guard !items.isEmpty else {
            body.append("<p class=\"note\">No data yet.</p>")
            return
        }
        let labelWidth = 170.0
        let barArea = 420.0
        let rowHeight = 30.0
        let width = labelWidth + barArea + 130
        let legend = reference == nil ? 0.0 : 22
        let height = rowHeight * Double(items.count) + 10 + legend
        let top = max(maximum ?? items.map(\.value).max() ?? 1, .leastNonzeroMagnitude)
        var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" "
        svg += "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        for (index, item) in items.enumerated() {
            let y = Double(index) * rowHeight + 5
            let length = max(item.value / top * barArea, item.value > 0 ? 2 : 0)
            svg += "<text x=\"\(Int(labelWidth - 8))\" y=\"\(Int(y + 19))\" text-anchor=\"end\" class=\"axis\">"
            svg += "\(Self.escape(item.label))</text>"
            svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 4))\" width=\"\(Int(barArea))\" height=\"20\" "
            svg += "fill=\"#eef1f5\" rx=\"3\"/>"
            svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 4))\" width=\(String(format: "\"%.1f\"", length)) "
            svg += "height=\"20\" fill=\"\(color)\" rx=\"3\"/>"
            svg += "<text x=\"\(Int(labelWidth + barArea + 8))\" y=\"\(Int(y + 19))\" class=\"value\">"
            svg += "\(Self.escape(item.caption))</text>"
        }
        if let reference {
            let x = labelWidth + min(reference.value / top, 1) * barArea
            let bottom = rowHeight * Double(items.count) + 8
            svg += "<line x1=\(String(format: "\"%.1f\"", x)) y1=\"2\" x2=\(String(format: "\"%.1f\"", x)) "
            svg += "y2=\"\(Int(bottom))\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\(String(format: "\"%.1f\"", x)) y=\"\(Int(bottom + 16))\" text-anchor=\"middle\" "
            svg += "class=\"value\">\(Self.escape(reference.label))</text>"
        }
        body.append("<figure>\(svg)</svg></figure>")
    }

    /// The whole document.
    var html: String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>
        body { font-family: -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1d2733;
          margin: 0 auto; padding: 24px 32px 48px; max-width: 980px; background: #fff; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 32px 0 10px; border-bottom: 1px solid #dde3ea; padding-bottom: 4px; }
        .note { color: #5b6b7c; font-size: 13px; margin: 4px 0 10px; }
        .tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
        .tile { flex: 1 1 0; border: 1px solid #dde3ea; border-radius: 8px; padding: 10px 14px; min-width: 96px; }
        .tile .value { font-size: 24px; font-weight: 600; }
        .tile .label { font-size: 12px; color: #5b6b7c; }
        table { border-collapse: collapse; font-size: 13px; margin: 6px 0 12px; }
        th, td { padding: 4px 12px; border-bottom: 1px solid #eef1f5; text-align: left; }
        th { background: #f6f8fa; font-weight: 600; }
        td { white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 6px 0 12px; }
        svg text { font-size: 13px; fill: #1d2733; }
        svg text.value { fill: #5b6b7c; }
        </style></head><body>
        <h1>\(Self.escape(title))</h1>
        \(body.joined(separator: "\n"))
        </body></html>

        """
    }
}
