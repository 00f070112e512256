import Foundation
import LeadModel
import LeadPipeline
import Testing

/// Every file of `/work/shared/cases/import`, at the intake level: the records and row problems
/// its README asks for (store outcomes such as created/updated/merged belong to the importer).
@Suite("Import cases")
struct ImportCasesTests {
    static func intake(_ file: String, mapping: String = "cases/import-cases.yaml") throws -> LeadIntake {
        try LeadIntake(path: Fixtures.importCase(file), mapping: try Fixtures.mapping(mapping))
    }

    static func utcDate(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    @Test(
        "the three plain leads read the same whatever the line endings and BOM",
        arguments: ["plain-lf.csv", "utf8-bom-crlf.csv", "cr-only.csv"])
    func threePlainLeads(file: String) throws {
        let intake = try Self.intake(file)
        #expect(intake.header.first == "external_id")
        let (records, problems) = try Fixtures.drain(intake)
        #expect(problems.isEmpty)
        #expect(records.map(\.lead.externalID) == ["L-001", "L-002", "L-003"])
        #expect(records.map(\.lead.fullName) == ["Ana Silva", "Ben Okafor", "Chen Wei"])
        #expect(records.map(\.dedupeKey) == ["ext:L-001", "ext:L-002", "ext:L-003"])
        let ana = records[0].lead
        #expect(ana.email == EmailAddress("ana.silva@example.com"))
        #expect(ana.company == "Acme Ltd")
        #expect(ana.title == "CTO")
        #expect(ana.country == "Portugal")
        #expect(ana.source == "webinar")
        #expect(ana.createdAt == Self.utcDate(2021, 4, 3))
        #expect(ana.stage == .new)
        #expect(records[1].lead.title == "Head of IT")
        #expect(records[2].lead.createdAt == Self.utcDate(2021, 5, 10))
        #expect(Set(records.map(\.lead.id)).count == 3)
    }

    @Test("reimport-one-changed.csv gives the same keys with L-002's title CIO")
    func reimportOneChanged() throws {
        let (records, problems) = try Fixtures.drain(try Self.intake("reimport-one-changed.csv"))
        #expect(problems.isEmpty)
        #expect(records.map(\.dedupeKey) == ["ext:L-001", "ext:L-002", "ext:L-003"])
        #expect(records.map(\.lead.title) == ["CTO", "CIO", "Analyst"])
    }

    @Test("semicolon-quoted.csv keeps quoted delimiters, doubled quotes, the line break and accents")
    func semicolonQuoted() throws {
        let intake = try Self.intake("semicolon-quoted.csv")
        #expect(intake.delimiter == .semicolon)
        let (records, problems) = try Fixtures.drain(intake)
        #expect(problems.isEmpty)
        #expect(records.map(\.lead.externalID) == ["L-101", "L-102", "L-103"])
        #expect(records[0].lead.company == "Müller; Söhne \"GmbH\"")
        #expect(records[0].lead.title == "Leiterin\nEinkauf")
        #expect(records[0].lead.lastName == "Müller")
        #expect(records[1].lead.firstName == "Émile")
        #expect(records[1].lead.company == "Café, Crème & Co")
        #expect(records[1].lead.title == "Gérant")
        #expect(records[2].lead.firstName == "Åsa")
        #expect(records.map(\.rowNumber) == [2, 3, 4])
    }

    @Test(
        "windows-1252.csv reads with the encoding declared or detected",
        arguments: ["cases/import-cases-windows-1252.yaml", "auto"])
    func windows1252Declared(mappingName: String) throws {
        var mapping = try Fixtures.mapping(mappingName == "auto" ? "cases/import-cases.yaml" : mappingName)
        if mappingName == "auto" { mapping.encoding = .auto }
        let intake = try LeadIntake(path: Fixtures.importCase("windows-1252.csv"), mapping: mapping)
        #expect(intake.encoding == .windows1252)
        let (records, problems) = try Fixtures.drain(intake)
        #expect(problems.isEmpty)
        #expect(records.map(\.lead.fullName) == ["José Müller", "François Dœuf"])
        #expect(records.map(\.lead.company) == ["Señor Café SL", "Œuvre SARL"])
        #expect(records[0].lead.title == "Director Técnico")
    }

    @Test("windows-1252.csv undeclared is refused whole with an encoding error")
    func windows1252Undeclared() throws {
        let error = #expect(throws: IntakeError.self) { try Self.intake("windows-1252.csv") }
        guard case .encoding(let path, let row, let detail) = error else {
            Issue.record("expected an encoding error, got \(String(describing: error))")
            return
        }
        #expect(path.hasSuffix("windows-1252.csv"))
        #expect(row == 2)
        #expect(detail.contains("declare `encoding: windows-1252`"))
    }

    @Test("impossible-date.csv reports row 3's created_at and never rolls over to March")
    func impossibleDate() throws {
        let (records, problems) = try Fixtures.drain(try Self.intake("impossible-date.csv"))
        #expect(records.map(\.lead.externalID) == ["L-001", "L-303"])
        #expect(records.map(\.lead.createdAt) == [Self.utcDate(2021, 4, 3), Self.utcDate(2023, 7, 30)])
        #expect(problems.count == 1)
        #expect(problems.first?.rowNumber == 3)
        #expect(problems.first?.column == "created_at")
        #expect(problems.first?.reason.contains("February 2023 has 28 days") == true)
        #expect(problems.first?.description.hasPrefix("row 3, column created_at: '2023-02-30'") == true)
    }

    @Test("ambiguous-date.csv with no format declared reports both rows as ambiguous")
    func ambiguousDateUndeclared() throws {
        let (records, problems) = try Fixtures.drain(try Self.intake("ambiguous-date.csv"))
        #expect(records.isEmpty)
        #expect(problems.map(\.rowNumber) == [2, 3])
        #expect(problems.allSatisfy { $0.column == "created_at" && $0.reason.hasPrefix("ambiguous date") })
    }

    @Test("ambiguous-date.csv with dd/MM/yyyy declared reads 3 April and 12 November 2021")
    func ambiguousDateDeclared() throws {
        let (records, problems) = try Fixtures.drain(
            try Self.intake("ambiguous-date.csv", mapping: "cases/import-cases-dd-mm-yyyy.yaml"))
        #expect(problems.isEmpty)
        #expect(records.map(\.lead.externalID) == ["L-401", "L-402"])
        #expect(records.map(\.lead.createdAt) == [Self.utcDate(2021, 4, 3), Self.utcDate(2021, 11, 12)])
    }

    @Test("duplicate-emails.csv gives both John rows the same email dedupe key")
    func duplicateEmails() throws {
        let (records, problems) = try Fixtures.drain(try Self.intake("duplicate-emails.csv"))
        #expect(problems.isEmpty)
        #expect(
            records.map(\.dedupeKey) == [
                "email:john.doe@example.com", "email:john.doe@example.com", "email:jane.roe@example.com",
            ])
        #expect(records[0].lead.email?.address == "John.Doe@Example.com")
        #expect(records.allSatisfy { $0.lead.externalID == nil })
    }

    @Test("missing-column.csv is refused before any row, naming the column email")
    func missingColumn() throws {
        let path = Fixtures.importCase("missing-column.csv")
        let mapping = try Fixtures.mapping("cases/import-cases.yaml")
        let error = #expect(throws: IntakeError.self) { try LeadIntake(path: path, mapping: mapping) }
        #expect(error == .missingColumns(path: path, columns: ["email"]))
        #expect(error?.description.contains("'email'") == true)
    }

    @Test("ragged-rows.csv reports rows 3 and 4 with the field counts found and expected")
    func raggedRows() throws {
        let (records, problems) = try Fixtures.drain(try Self.intake("ragged-rows.csv"))
        #expect(records.map(\.lead.externalID) == ["L-001", "L-003"])
        #expect(problems.map(\.description) == ["row 3: 11 fields, expected 9", "row 4: 5 fields, expected 9"])
    }

    @Test("empty.csv is an empty-file error")
    func emptyFile() throws {
        let path = Fixtures.importCase("empty.csv")
        let mapping = try Fixtures.mapping("cases/import-cases.yaml")
        #expect(throws: IntakeError.emptyFile(path: path)) { try LeadIntake(path: path, mapping: mapping) }
    }

    @Test("header-only.csv reads 0 rows without error")
    func headerOnly() throws {
        let intake = try Self.intake("header-only.csv")
        let (records, problems) = try Fixtures.drain(intake)
        #expect(records.isEmpty && problems.isEmpty)
        #expect(intake.rowsRead == 0)
    }

    @Test("hostile-values.csv keeps SQL, a formula and a script tag exactly as written")
    func hostileValues() throws {
        let (records, problems) = try Fixtures.drain(try Self.intake("hostile-values.csv"))
        #expect(problems.isEmpty)
        #expect(records.map(\.lead.lastName) == ["'); DROP TABLE lead;--", "Ory", "X"])
        #expect(records[1].lead.company == "=HYPERLINK(\"http://example.invalid\",\"click\")")
        #expect(records[2].lead.firstName == "<script>alert(1)</script>")
    }

    @Test("email-validity.csv keeps the invalid address, marked invalid")
    func emailValidity() throws {
        let (records, problems) = try Fixtures.drain(try Self.intake("email-validity.csv"))
        #expect(problems.isEmpty)
        #expect(
            records.map(\.lead.email?.address) == ["niamh.o'brien@example.ie", "not-an-email", "pat.kim@example.com"])
        #expect(records.map { $0.lead.email?.isValid } == [true, false, true])
        #expect(records[0].lead.lastName == "O'Brien")
    }

    @Test("invalid-utf8.csv imports L-001 and L-003 and reports row 3 as not valid UTF-8")
    func invalidUTF8() throws {
        let (records, problems) = try Fixtures.drain(try Self.intake("invalid-utf8.csv"))
        #expect(records.map(\.lead.externalID) == ["L-001", "L-003"])
        #expect(problems.count == 1)
        #expect(problems.first?.rowNumber == 3)
        #expect(problems.first?.column == "last_name")
        #expect(problems.first?.reason.hasPrefix("not valid UTF-8") == true)
    }

    @Test("huge-field.csv reports row 3 with a size error and reads on")
    func hugeField() throws {
        let (records, problems) = try Fixtures.drain(try Self.intake("huge-field.csv"))
        #expect(records.map(\.lead.externalID) == ["L-001", "L-003"])
        #expect(problems.count == 1)
        #expect(problems.first?.rowNumber == 3)
        #expect(problems.first?.column == "company")
        #expect(problems.first?.reason.contains("larger than 1048576 bytes") == true)
    }

    @Test("every import case file is covered by a test above")
    func everyCaseIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.importCase(""))
            .filter { $0.hasSuffix(".csv") }.sorted()
        #expect(
            files == [
                "ambiguous-date.csv", "cr-only.csv", "duplicate-emails.csv", "email-validity.csv", "empty.csv",
                "header-only.csv", "hostile-values.csv", "huge-field.csv", "impossible-date.csv", "invalid-utf8.csv",
                "missing-column.csv", "plain-lf.csv", "ragged-rows.csv", "reimport-one-changed.csv",
                "semicolon-quoted.csv", "utf8-bom-crlf.csv", "windows-1252.csv",
            ])
    }
}
