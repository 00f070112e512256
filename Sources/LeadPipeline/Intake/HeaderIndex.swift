import Foundation

/// The columns of a CSV header by name, matched the one way every intake path uses (lead
/// import, events import, outcome join files): surrounding spaces are ignored, runs of inner
/// spaces count as one, and case is ignored — `Lead Source`, ` lead  source ` and `LEAD SOURCE`
/// name the same column (mappings/README.md).
///
/// A header in which two non-blank names match by that rule is refused whole: which of the two
/// columns a mapping means cannot be known.
struct HeaderIndex {
    private let indexByName: [String: Int]

    /// Indexes `header`.
    /// - Throws: ``IntakeError/duplicateColumn(path:name:positions:)`` naming the first name
    ///   that appears twice and every 1-based position it appears at.
    init(header: [String], path: String) throws(IntakeError) {
        var positionsByName: [String: [Int]] = [:]
        var firstDuplicate: String?
        for (index, name) in header.enumerated() {
            let key = Self.matchingKey(name)
            guard !key.isEmpty else { continue }
            positionsByName[key, default: []].append(index + 1)
            if firstDuplicate == nil, positionsByName[key]!.count == 2 { firstDuplicate = key }
        }
        if let firstDuplicate, let positions = positionsByName[firstDuplicate] {
            let name = header[positions[0] - 1].trimmingCharacters(in: .whitespaces)
            throw .duplicateColumn(path: path, name: name, positions: positions)
        }
        indexByName = positionsByName.mapValues { $0[0] - 1 }
    }

    /// The 0-based index of the column `name` matches, or `nil`.
    func index(of name: String) -> Int? { indexByName[Self.matchingKey(name)] }

    /// The names of `names` that match no column, in their order.
    func missing(_ names: [String]) -> [String] { names.filter { index(of: $0) == nil } }

    /// `name` trimmed, inner whitespace runs collapsed to one space, lower-cased.
    static func matchingKey(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" || $0 == "\u{A0}" })
            .joined(separator: " ").lowercased()
    }
}
