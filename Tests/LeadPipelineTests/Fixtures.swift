import Foundation
import LeadPipeline
import TestSupport

/// Paths of the test inputs: the package's own `mappings/`, and the shared cases and data sets,
/// which live beside the package root (`../shared`, as in CI) and are never copied into the repo.
enum Fixtures {
    /// The package root.
    static let packageRoot: URL = Paths.packageRoot

    /// `../shared` next to the package root.
    static let shared = Paths.shared

    /// A file of `/work/shared/cases/import`.
    static func importCase(_ name: String) -> String {
        shared.appendingPathComponent("cases/import/\(name)").path
    }

    /// A file of `/work/shared/data`.
    static func data(_ relativePath: String) -> String {
        shared.appendingPathComponent("data/\(relativePath)").path
    }

    /// A shipped mapping, loaded.
    static func mapping(_ relativePath: String) throws -> ImportMapping {
        try ImportMapping.load(path: packageRoot.appendingPathComponent("mappings/\(relativePath)").path)
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadrelay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Writes UTF-8 `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
        try temporaryFile(Array(text.utf8), name: name)
    }

    /// Every row of an intake, split into records and problems.
    static func drain(_ intake: LeadIntake) throws -> (records: [IntakeRecord], problems: [IntakeRowProblem]) {
        var records: [IntakeRecord] = []
        var problems: [IntakeRowProblem] = []
        try intake.forEach { row in
            switch row {
            case .record(let record): records.append(record)
            case .problem(let problem): problems.append(problem)
            }
        }
        return (records, problems)
    }

    /// Every data record of a reader.
    static func records(_ reader: CSVRecordReader) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        try reader.forEach { records.append($0) }
        return records
    }
}
