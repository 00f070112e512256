/// A plain left-aligned text table for terminal output; numbers are right-aligned.
public struct TextTable {
    /// The column titles.
    public let headers: [String]
    /// The rows, each a cell per header.
    public var rows: [[String]] = []

    /// A table with these column titles.
    public init(_ headers: String...) { self.headers = headers }

    /// Adds a row.
    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines, columns separated by two spaces.
    public func rendered() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        let numeric = headers.indices.map { column in
            !rows.isEmpty && rows.allSatisfy { row in row.indices.contains(column) && Double(row[column]) != nil }
        }
        return all.map { row in
            headers.indices.map { column in
                let cell = row.indices.contains(column) ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return numeric[column] ? padding + cell : cell + padding
            }.joined(separator: "  ").trailingSpacesTrimmed
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate var trailingSpacesTrimmed: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
