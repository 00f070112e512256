import Foundation

extension LeadIntake {
    /// Reads an outcome join file whole (it is small: one row per won lead) into join value →
    /// kept details (blank values left out).
    /// - Throws: the reader's errors for the join file; ``IntakeError/missingColumns(path:columns:)``
    ///   when it lacks the join or a kept column; ``IntakeError/invalidOutcomeFile(path:row:reason:)``
    ///   for a row it cannot use.
    static func loadJoinTable(file: String, relativeTo dataPath: String, join: String, keep: [String])
        throws(IntakeError) -> [String: [String: String]]
    {
        let joinPath =
            file.hasPrefix("/")
            ? file
            : URL(fileURLWithPath: dataPath).deletingLastPathComponent().appendingPathComponent(file).path
        let reader = try CSVRecordReader(path: joinPath, encoding: .auto)
        let columns = try HeaderIndex(header: reader.header, path: joinPath)
        let missing = columns.missing([join] + keep)
        guard missing.isEmpty, let joinIndex = columns.index(of: join) else {
            throw .missingColumns(path: joinPath, columns: missing)
        }
        let kept = keep.compactMap { name in columns.index(of: name).map { (name, $0) } }
        var table: [String: [String: String]] = [:]
        while let record = try reader.next() {
            if let problem = record.problem {
                throw .invalidOutcomeFile(path: joinPath, row: record.rowNumber, reason: problem.reason)
            }
            guard record.fields.count == reader.header.count else {
                throw .invalidOutcomeFile(
                    path: joinPath, row: record.rowNumber,
                    reason: fieldCountReason(found: record.fields.count, expected: reader.header.count))
            }
            let id = trimmed(record.fields[joinIndex])
            guard !id.isEmpty else { continue }
            var details: [String: String] = [:]
            for (name, index) in kept {
                let value = trimmed(record.fields[index])
                if !value.isEmpty { details[name] = value }
            }
            table[id] = details
        }
        return table
    }
}
