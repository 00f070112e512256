import Foundation
import LeadModel
import LeadPipeline
import Testing

/// Value rules of a mapping, end to end through the intake on small files.
@Suite("Value rules")
struct ValueRulesTests {
    static func rows(_ csv: String, _ yaml: String) throws -> [IntakeRow] {
        let intake = try LeadIntake(
            path: try Fixtures.temporaryFile(csv, name: "values.csv"), mapping: try ImportMapping(yaml: yaml))
        var rows: [IntakeRow] = []
        try intake.forEach { rows.append($0) }
        return rows
    }

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test(
        "dates are strict: real dates read in UTC, impossible ones are problems",
        arguments: [
            ("yyyy-MM-dd", "2024-02-29", utc("2024-02-29T00:00:00Z")),
            ("yyyy-MM-dd", "2023-02-29", nil),
            ("yyyy-MM-dd", "2021-13-01", nil),
            ("dd/MM/yyyy", "31/12/1999", utc("1999-12-31T00:00:00Z")),
            ("dd/MM/yyyy", "31/04/2021", nil),
            ("dd/MM/yyyy", "3/4/2021", nil),
            ("d/M/yyyy", "3/4/2021", utc("2021-04-03T00:00:00Z")),
            ("yyyy-MM-dd HH:mm:ss", "2018-02-26 19:58:54", utc("2018-02-26T19:58:54Z")),
            ("yyyy-MM-dd HH:mm:ss", "2018-02-26 24:00:00", nil),
        ] as [(String, String, Date?)])
    func strictDates(format: String, value: String, expected: Date?) throws {
        let rows = try Self.rows(
            "id,d\n1,\(value)\n", "columns:\n  id: externalID\n  d: {field: createdAt, format: '\(format)'}\n")
        switch rows.first {
        case .record(let record): #expect(record.lead.createdAt == expected)
        case .problem(let problem):
            #expect(expected == nil)
            #expect(problem.column == "d")
        case nil: Issue.record("no row")
        }
    }

    @Test("undeclared dates accept ISO and refuse slashed dates, ambiguous or not")
    func undeclaredDates() throws {
        let rows = try Self.rows(
            "id,d\n1,2021-04-03\n2,03/04/2021\n3,13/04/2021\n4,2021-04-03T10:00:00Z\n",
            "columns:\n  id: externalID\n  d: createdAt\n")
        guard rows.count == 4, case .record(let first) = rows[0], case .problem(let ambiguous) = rows[1],
            case .problem(let notISO) = rows[2], case .record(let withTime) = rows[3]
        else {
            Issue.record("unexpected rows \(rows)")
            return
        }
        #expect(first.lead.createdAt == Self.utc("2021-04-03T00:00:00Z"))
        #expect(ambiguous.reason.hasPrefix("ambiguous date '03/04/2021'"))
        #expect(notISO.reason.contains("declare `format`"))
        #expect(withTime.lead.createdAt == Self.utc("2021-04-03T10:00:00Z"))
    }

    @Test("missing markers, case folding, numbers, yes/no words and post-contact attributes")
    func valueRules() throws {
        let yaml = """
            missing: [Select]
            key: [Name]
            columns:
              Name: firstName
              Source: {field: source, case: lower}
              City: {field: city, missing: [unknown]}
              Visits: {attribute: visits, type: number}
              Opt Out: {field: doNotEmail, yes: [Y], no: [N]}
              Region: {attribute: region, case: title}
              Tags: {attribute: tags, postContact: true}
            """
        let rows = try Self.rows(
            "Name,Source,City,Visits,Opt Out,Region,Tags\nAna,Google,unknown, 2.5 ,y,north EAST,Ringing\nBen,Select,Lisbon,,N,Select,\n",
            yaml)
        guard rows.count == 2, case .record(let ana) = rows[0], case .record(let ben) = rows[1] else {
            Issue.record("unexpected rows \(rows)")
            return
        }
        #expect(ana.dedupeKey == "key:Ana")
        #expect(ana.lead.source == "google")
        #expect(ana.lead.city == nil)
        #expect(ana.lead.attributes == ["visits": .number(2.5), "region": .text("North East")])
        #expect(ana.lead.doNotEmail)
        #expect(ana.lead.postContactAttributes == ["tags": .text("Ringing")])
        #expect(ben.lead.source == nil)
        #expect(ben.lead.city == "Lisbon")
        #expect(ben.lead.attributes.isEmpty)
        #expect(!ben.lead.doNotEmail)
    }

    @Test(
        "values that break their type are row problems naming the column",
        arguments: [
            (
                "Visits", "columns:\n  Visits: {attribute: v, type: number}\n  Mail: email\n",
                "Visits,Mail\nmany,a@b.co\n"
            ),
            ("Opt Out", "columns:\n  Opt Out: doNotEmail\n  Mail: email\n", "Opt Out,Mail\nmaybe,a@b.co\n"),
        ])
    func typeProblems(column: String, yaml: String, csv: String) throws {
        let rows = try Self.rows(csv, yaml)
        guard case .problem(let problem) = rows.first else {
            Issue.record("expected a problem, got \(rows)")
            return
        }
        #expect(problem.rowNumber == 2)
        #expect(problem.column == column)
    }

    @Test("a row with neither external id nor email has no dedupe key and is a problem")
    func noDedupeKey() throws {
        let rows = try Self.rows(
            "id,mail,name\n,,Ana\n", "columns:\n  id: externalID\n  mail: email\n  name: firstName\n")
        #expect(
            rows == [
                .problem(
                    IntakeRowProblem(
                        rowNumber: 2, column: nil, reason: "no dedupe key: external id and email are both blank"))
            ])
    }

    @Test("injected lead ids are used in order")
    func injectedIDs() throws {
        let ids = [LeadID(), LeadID()]
        var next = ids.makeIterator()
        let intake = try LeadIntake(
            path: try Fixtures.temporaryFile("mail\na@b.co\nc@d.co\n"),
            mapping: try ImportMapping(yaml: "columns:\n  mail: email\n"), makeLeadID: { next.next()! })
        let (records, _) = try Fixtures.drain(intake)
        #expect(records.map(\.lead.id) == ids)
    }

    @Test(
        "a row key and a column key are the same on every read of the same file",
        arguments: ["row", "[first_name, last_name]"])
    func stableKeys(key: String) throws {
        var mapping = try Fixtures.mapping("cases/import-cases.yaml")
        mapping.key = key == "row" ? .rowNumber : .columns(["first_name", "last_name"])
        let path = Fixtures.importCase("plain-lf.csv")
        let first = try Fixtures.drain(try LeadIntake(path: path, mapping: mapping)).records.map(\.dedupeKey)
        let second = try Fixtures.drain(try LeadIntake(path: path, mapping: mapping)).records.map(\.dedupeKey)
        #expect(first == second)
        let expected =
            key == "row"
            ? ["row:plain-lf.csv:2", "row:plain-lf.csv:3", "row:plain-lf.csv:4"]
            : ["key:Ana|Silva", "key:Ben|Okafor", "key:Chen|Wei"]
        #expect(first == expected)
    }

    @Test("maxFieldBytes in the mapping bounds the field size")
    func mappingFieldLimit() throws {
        let rows = try Self.rows(
            "mail,note\na@b.co,0123456789\n", "maxFieldBytes: 8\ncolumns:\n  mail: email\n  note: {attribute: note}\n")
        #expect(rows.map(\.rowNumber) == [2])
        guard case .problem(let problem) = rows.first else {
            Issue.record("expected a size problem, got \(rows)")
            return
        }
        #expect(problem.column == "note")
        #expect(problem.reason.hasPrefix("field larger than 8 bytes"))
    }
}
