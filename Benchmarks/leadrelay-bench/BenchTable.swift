import Foundation

/// The suite's result table, printed row by row as results arrive and once more at the end as
/// Markdown.
final class BenchTable: @unchecked Sendable {
    /// One measured figure.
    struct Row {
        var name: String
        var value: String
        var note: String
    }

    private(set) var rows: [Row] = []

    /// Records a row and prints it at once.
    func add(_ name: String, _ value: String, _ note: String = "") {
        rows.append(Row(name: name, value: value, note: note))
        Self.say("  \(name): \(value)\(note.isEmpty ? "" : "  (\(note))")")
    }

    /// The table as Markdown.
    var markdown: String {
        var text = "| benchmark | result | notes |\n| --- | --- | --- |\n"
        for row in rows { text += "| \(row.name) | \(row.value) | \(row.note) |\n" }
        return text
    }

    /// Prints a line at once (standard output unbuffered, so progress shows through a pipe).
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    /// `value` with `digits` decimals and thousands grouped.
    static func number(_ value: Double, digits: Int = 0) -> String {
        let text = String(format: "%.\(digits)f", value)
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = String(parts[0])
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 && character != "-" && grouped != "-" { grouped.append(",") }
            grouped.append(character)
        }
        return parts.count > 1 ? grouped + "." + parts[1] : grouped
    }
}
