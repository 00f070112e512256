import Foundation
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// Bad input to `import leads`: one line naming the culprit, exit status 1, store unchanged.
@Suite("import leads: bad input")
struct BadInputTests {
    /// A store holding the three plain leads, and a checksum of its lead rows.
    static func seededStore() async throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let seeded = await CommandRun.leadrelayServer(
            "import", "leads", Paths.sharedFile("cases/import/plain-lf.csv"), "--mapping",
            Paths.packageFile("mappings/cases/import-cases.yaml"), "--db", db)
        #expect(seeded.status == 0)
        return (folder, db)
    }

    static func snapshot(_ db: String) throws -> [String] {
        let store = try SQLiteLeadStore(path: db)
        return try store.leads(stage: nil, limit: nil).map { "\($0)" }
    }

    static func expectRefused(_ arguments: [String], db: String, naming culprit: String) async throws {
        let before = try snapshot(db)
        let run = await CommandRun.leadrelayServer(arguments + ["--db", db])
        #expect(run.status == 1)
        let lines = run.errorOutput.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(run.errorOutput)")
        #expect(run.errorOutput.contains(culprit), "'\(culprit)' not named in: \(run.errorOutput)")
        #expect(run.output.isEmpty)
        #expect(try snapshot(db) == before)
    }

    @Test func aMissingFileIsNamed() async throws {
        let (folder, db) = try await Self.seededStore()
        try await Self.expectRefused(
            [
                "import", "leads", folder.path("nope.csv"), "--mapping",
                Paths.packageFile("mappings/cases/import-cases.yaml"),
            ],
            db: db, naming: "nope.csv: file not found")
    }

    @Test func anUnreadableMappingIsNamed() async throws {
        let (folder, db) = try await Self.seededStore()
        let mapping = folder.path("broken.yaml")
        try "columns: [unclosed\n  email: email\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        try await Self.expectRefused(
            ["import", "leads", Paths.sharedFile("cases/import/plain-lf.csv"), "--mapping", mapping],
            db: db, naming: "broken.yaml")
        try await Self.expectRefused(
            [
                "import", "leads", Paths.sharedFile("cases/import/plain-lf.csv"), "--mapping",
                folder.path("absent.yaml"),
            ],
            db: db, naming: "absent.yaml")
    }

    @Test func aMappedColumnMissingFromTheFileIsNamed() async throws {
        let (folder, db) = try await Self.seededStore()
        let mapping = folder.path("extra-column.yaml")
        try """
        columns:
          external_id: externalID
          email: email
          phone_number: phone
        """.write(toFile: mapping, atomically: true, encoding: .utf8)
        try await Self.expectRefused(
            ["import", "leads", Paths.sharedFile("cases/import/plain-lf.csv"), "--mapping", mapping],
            db: db, naming: "'phone_number'")
    }

    @Test func anUnknownFieldNameIsNamedWithItsLine() async throws {
        let (folder, db) = try await Self.seededStore()
        let mapping = folder.path("unknown-field.yaml")
        try """
        columns:
          external_id: externalID
          email: emailAddress
        """.write(toFile: mapping, atomically: true, encoding: .utf8)
        try await Self.expectRefused(
            ["import", "leads", Paths.sharedFile("cases/import/plain-lf.csv"), "--mapping", mapping],
            db: db, naming: "unknown-field.yaml:3: unknown lead field 'emailAddress'")
    }

    @Test func aMissingFileNeverCreatesAStore() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("fresh.sqlite")
        let run = await CommandRun.leadrelayServer(
            "import", "leads", folder.path("nope.csv"), "--mapping",
            Paths.packageFile("mappings/cases/import-cases.yaml"), "--db", db)
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
