import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// Every file of ../shared/cases/import imported into an empty store through the real command,
/// with what its README says it must give.
@Suite("import leads: ../shared/cases/import")
struct ImportCasesTests {
    static let mapping = "mappings/cases/import-cases.yaml"

    struct Outcome {
        let run: CommandRun
        let summary: ImportSummary?
        let store: SQLiteLeadStore?
        let folder: TemporaryFolder

        func lead(_ externalID: String) throws -> Lead? { try store?.lead(dedupeKey: "ext:" + externalID) }
        var leadCount: Int { (try? store?.leadCountsByStage().values.reduce(0, +)) ?? 0 }
    }

    static func importCase(
        _ file: String, mapping: String = mapping, into folder: TemporaryFolder? = nil, strict: Bool = false
    ) async throws -> Outcome {
        let folder = try folder ?? TemporaryFolder()
        let db = folder.path("store.sqlite")
        var arguments = [
            "import", "leads", Paths.sharedFile("cases/import/" + file), "--mapping", Paths.packageFile(mapping),
            "--db",
            db, "--json",
        ]
        if strict { arguments.append("--strict") }
        let run = await CommandRun.leadrelayServer(arguments)
        let summary = try? JSONDecoder().decode(ImportSummary.self, from: Data(run.output.utf8))
        let store = FileManager.default.fileExists(atPath: db) ? try SQLiteLeadStore(path: db) : nil
        return Outcome(run: run, summary: summary, store: store, folder: folder)
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    static func expectTheThreePlainLeads(_ outcome: Outcome) throws {
        #expect(outcome.run.status == 0)
        #expect(outcome.summary?.created == 3)
        #expect(outcome.leadCount == 3)
        let ana = try #require(try outcome.lead("L-001"))
        #expect(ana.firstName == "Ana")
        #expect(ana.lastName == "Silva")
        #expect(ana.email?.address == "ana.silva@example.com")
        #expect(ana.company == "Acme Ltd")
        #expect(ana.title == "CTO")
        #expect(ana.country == "Portugal")
        #expect(ana.source == "webinar")
        #expect(ana.createdAt == day(2021, 4, 3))
        #expect(try outcome.lead("L-002")?.fullName == "Ben Okafor")
        #expect(try outcome.lead("L-002")?.title == "Head of IT")
        #expect(try outcome.lead("L-003")?.fullName == "Chen Wei")
        #expect(try outcome.lead("L-003")?.createdAt == day(2021, 5, 10))
    }

    @Test(arguments: ["plain-lf.csv", "utf8-bom-crlf.csv", "cr-only.csv"])
    func theSameThreeLeadsWhateverTheLineEndings(_ file: String) async throws {
        try Self.expectTheThreePlainLeads(try await Self.importCase(file))
    }

    @Test func semicolonsQuotesLineBreaksAndAccentsSurvive() async throws {
        let outcome = try await Self.importCase("semicolon-quoted.csv")
        #expect(outcome.leadCount == 3)
        let dora = try #require(try outcome.lead("L-101"))
        #expect(dora.company == "Müller; Söhne \"GmbH\"")
        #expect(dora.title == "Leiterin\nEinkauf")
        #expect(dora.lastName == "Müller")
        #expect(try outcome.lead("L-102")?.firstName == "Émile")
        #expect(try outcome.lead("L-102")?.company == "Café, Crème & Co")
        #expect(try outcome.lead("L-103")?.firstName == "Åsa")
    }

    @Test func windows1252DeclaredGivesTheAccents() async throws {
        let outcome = try await Self.importCase(
            "windows-1252.csv", mapping: "mappings/cases/import-cases-windows-1252.yaml")
        #expect(outcome.run.status == 0)
        #expect(outcome.leadCount == 2)
        #expect(try outcome.lead("L-201")?.fullName == "José Müller")
        #expect(try outcome.lead("L-201")?.company == "Señor Café SL")
        #expect(try outcome.lead("L-202")?.fullName == "François Dœuf")
        #expect(try outcome.lead("L-202")?.company == "Œuvre SARL")
    }

    @Test func windows1252UndeclaredIsRefusedWhole() async throws {
        let outcome = try await Self.importCase("windows-1252.csv")
        #expect(outcome.run.status == 1)
        #expect(outcome.run.errorOutput.contains("windows-1252"))
        #expect(outcome.run.errorOutput.split(separator: "\n").count == 1)
        #expect(outcome.leadCount == 0)
    }

    @Test func impossibleDateIsReportedNotRolledOver() async throws {
        let outcome = try await Self.importCase("impossible-date.csv")
        #expect(outcome.run.status == 1)
        #expect(outcome.leadCount == 2)
        #expect(try outcome.lead("L-001") != nil)
        #expect(try outcome.lead("L-303") != nil)
        #expect(try outcome.lead("L-302") == nil)
        let rejected = try #require(outcome.summary?.rejected)
        #expect(rejected.map(\.row) == [3])
        #expect(rejected.first?.column == "created_at")
    }

    @Test func ambiguousDatesAreReportedWithoutADeclaredFormat() async throws {
        let outcome = try await Self.importCase("ambiguous-date.csv")
        #expect(outcome.leadCount == 0)
        let rejected = try #require(outcome.summary?.rejected)
        #expect(rejected.map(\.row) == [2, 3])
        #expect(rejected.allSatisfy { $0.column == "created_at" && $0.reason.contains("ambiguous") })
    }

    @Test func ambiguousDatesReadWithADeclaredDayFirstFormat() async throws {
        let outcome = try await Self.importCase(
            "ambiguous-date.csv", mapping: "mappings/cases/import-cases-dd-mm-yyyy.yaml")
        #expect(outcome.run.status == 0)
        #expect(try outcome.lead("L-401")?.createdAt == Self.day(2021, 4, 3))
        #expect(try outcome.lead("L-402")?.createdAt == Self.day(2021, 11, 12))
    }

    @Test func emailsThatDifferOnlyInCaseAndSpacesAreOneLead() async throws {
        let outcome = try await Self.importCase("duplicate-emails.csv")
        #expect(outcome.run.status == 0)
        #expect(outcome.leadCount == 2)
        let merged = try #require(outcome.summary?.merged)
        #expect(merged.map(\.row) == [3])
        #expect(merged.first?.dedupeKey == "email:john.doe@example.com")
        let john = try #require(try outcome.store?.lead(dedupeKey: "email:john.doe@example.com"))
        #expect(merged.first?.leadID == john.id)
        #expect(john.source == "webinar")
        #expect(try outcome.store?.lead(dedupeKey: "email:jane.roe@example.com")?.fullName == "Jane Roe")
    }

    @Test func aMissingMappedColumnRefusesTheFileBeforeAnyRow() async throws {
        let outcome = try await Self.importCase("missing-column.csv")
        #expect(outcome.run.status == 1)
        #expect(outcome.run.errorOutput.contains("'email'"))
        #expect(outcome.run.errorOutput.split(separator: "\n").count == 1)
        #expect(outcome.leadCount == 0)
    }

    @Test func raggedRowsAreReportedWithTheirFieldCounts() async throws {
        let outcome = try await Self.importCase("ragged-rows.csv")
        #expect(outcome.leadCount == 2)
        #expect(try outcome.lead("L-001") != nil)
        #expect(try outcome.lead("L-003") != nil)
        let rejected = try #require(outcome.summary?.rejected)
        #expect(rejected.map(\.row) == [3, 4])
        #expect(rejected[0].reason == "11 fields, expected 9")
        #expect(rejected[1].reason == "5 fields, expected 9")
    }

    @Test func anEmptyFileIsAClearError() async throws {
        let outcome = try await Self.importCase("empty.csv")
        #expect(outcome.run.status == 1)
        #expect(outcome.run.errorOutput.contains("empty file"))
        #expect(outcome.leadCount == 0)
    }

    @Test func aHeaderOnlyFileReadsZeroRows() async throws {
        let outcome = try await Self.importCase("header-only.csv")
        #expect(outcome.run.status == 0)
        #expect(outcome.summary?.rowsRead == 0)
        #expect(outcome.summary?.created == 0)
        #expect(outcome.leadCount == 0)
    }

    @Test func hostileValuesAreStoredExactlyAsWritten() async throws {
        let outcome = try await Self.importCase("hostile-values.csv")
        #expect(outcome.leadCount == 3)
        #expect(try outcome.lead("L-701")?.lastName == "'); DROP TABLE lead;--")
        #expect(try outcome.lead("L-702")?.company == #"=HYPERLINK("http://example.invalid","click")"#)
        #expect(try outcome.lead("L-703")?.firstName == "<script>alert(1)</script>")
        let list = await CommandRun.leadrelayServer("leads", "list", "--db", outcome.folder.path("store.sqlite"))
        #expect(list.output.contains("<script>alert(1)</script>"))
    }

    @Test func reimportingWithOneChangeUpdatesOnlyThatLead() async throws {
        let folder = try TemporaryFolder()
        _ = try await Self.importCase("plain-lf.csv", into: folder)
        let outcome = try await Self.importCase("reimport-one-changed.csv", into: folder)
        #expect(outcome.summary?.created == 0)
        #expect(outcome.summary?.updated == 1)
        #expect(outcome.summary?.unchanged == 2)
        #expect(try outcome.lead("L-002")?.title == "CIO")
        #expect(outcome.leadCount == 3)
    }

    @Test func invalidEmailsAreKeptButMarked() async throws {
        let outcome = try await Self.importCase("email-validity.csv")
        #expect(outcome.leadCount == 3)
        #expect(try outcome.lead("L-801")?.email?.isValid == true)
        let invalid = try #require(try outcome.lead("L-802")?.email)
        #expect(invalid.address == "not-an-email")
        #expect(!invalid.isValid)
        let show = await CommandRun.leadrelayServer(
            "leads", "show", "L-802", "--db", outcome.folder.path("store.sqlite"))
        #expect(show.output.contains("not-an-email (invalid)"))
    }

    @Test func invalidUTF8RowIsReportedNeverStoredWithReplacements() async throws {
        let outcome = try await Self.importCase("invalid-utf8.csv")
        #expect(outcome.leadCount == 2)
        #expect(try outcome.lead("L-001") != nil)
        #expect(try outcome.lead("L-003") != nil)
        #expect(try outcome.lead("L-902") == nil)
        let rejected = try #require(outcome.summary?.rejected)
        #expect(rejected.map(\.row) == [3])
        #expect(rejected.first?.reason.contains("UTF-8") == true)
    }

    @Test func aHugeFieldIsReportedAndTheOtherRowsImported() async throws {
        let outcome = try await Self.importCase("huge-field.csv")
        #expect(outcome.leadCount == 2)
        #expect(try outcome.lead("L-001") != nil)
        #expect(try outcome.lead("L-003") != nil)
        let rejected = try #require(outcome.summary?.rejected)
        #expect(rejected.map(\.row) == [3])
        #expect(rejected.first?.reason.contains("bytes") == true)
    }

    @Test func strictRefusesTheWholeFileWhenARowIsRejected() async throws {
        let outcome = try await Self.importCase("impossible-date.csv", strict: true)
        #expect(outcome.run.status == 1)
        #expect(outcome.summary?.committed == false)
        #expect(outcome.summary?.rejected.map(\.row) == [3])
        #expect(outcome.leadCount == 0)
    }

    @Test func everyCaseFileHasATestHere() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Paths.sharedFile("cases/import"))
            .filter { $0.hasSuffix(".csv") }
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        for file in files { #expect(source.contains("\"\(file)\""), "no test imports \(file)") }
    }
}
