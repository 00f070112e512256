import Foundation

/// CSV that is safe to open in a spreadsheet: RFC 4180 quoting, and any cell starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return prefixed with `'` so that it is never run as a
/// formula (the OWASP advice on CSV injection).
public struct SpreadsheetCSV: Sendable {
    private var lines: [String]

    /// A CSV with its header row.
    public init(header: [String]) { lines = [Self.line(header)] }

    /// Adds a row.
    public mutating func append(_ cells: [String]) { lines.append(Self.line(cells)) }

    /// The CSV text, rows ended by `\r\n` (RFC 4180).
    public var text: String { lines.map { $0 + "\r\n" }.joined() }

    /// One cell, neutralised and quoted as needed.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func line(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") }
}
