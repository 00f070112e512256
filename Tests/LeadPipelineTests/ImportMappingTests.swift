import LeadPipeline
import Testing

@Suite("Import mapping document")
struct ImportMappingTests {
    @Test(
        "every shipped mapping loads",
        arguments: [
            "x-education.yaml", "olist-mql.yaml", "bank.yaml", "cases/import-cases.yaml",
            "cases/import-cases-dd-mm-yyyy.yaml", "cases/import-cases-windows-1252.yaml",
        ])
    func shippedMappingsLoad(name: String) throws {
        let mapping = try Fixtures.mapping(name)
        #expect(!mapping.columns.isEmpty)
    }

    @Test("the X Education mapping folds the source, types numbers and keeps sales columns post-contact")
    func xEducationMapping() throws {
        let mapping = try Fixtures.mapping("x-education.yaml")
        #expect(mapping.columns.count == 36)
        #expect(mapping.missing == ["Select", ""])
        #expect(mapping.outcome == .labelColumn(column: "Converted", won: ["1"]))
        let source = mapping.columns.first { $0.column == "Lead Source" }
        #expect(source?.target == .field(.source))
        #expect(source?.caseFolding == .lower)
        let postContact = mapping.columns.filter(\.postContact).map(\.column)
        #expect(
            postContact == [
                "Tags", "Lead Quality", "Lead Profile", "Asymmetrique Activity Index", "Asymmetrique Profile Index",
                "Asymmetrique Activity Score", "Asymmetrique Profile Score",
            ])
        let numbers = mapping.columns.filter { $0.type == .number && !$0.postContact }.map(\.column)
        #expect(numbers == ["TotalVisits", "Total Time Spent on Website", "Page Views Per Visit"])
    }

    @Test("the bank mapping declares `;`, a row key and y = yes as won")
    func bankMapping() throws {
        let mapping = try Fixtures.mapping("bank.yaml")
        #expect(mapping.delimiter == .semicolon)
        #expect(mapping.key == .rowNumber)
        #expect(mapping.outcome == .labelColumn(column: "y", won: ["yes"]))
        #expect(mapping.columns.first { $0.column == "duration" }?.postContact == true)
    }

    @Test("the Olist mapping joins the closed deals on mql_id")
    func olistMapping() throws {
        let mapping = try Fixtures.mapping("olist-mql.yaml")
        #expect(
            mapping.outcome
                == .joinFile(
                    file: "olist_closed_deals_dataset.csv", join: "mql_id", column: "mql_id",
                    keep: ["sdr_id", "sr_id", "won_date", "business_segment", "lead_type"]))
        #expect(mapping.columns.first { $0.column == "first_contact_date" }?.dateFormat == "yyyy-MM-dd")
    }

    @Test(
        "mapping errors name the key or field and its line",
        arguments: [
            (
                "encoding: utf-8\ndelimeter: ';'\ncolumns:\n  email: email\n",
                IntakeError.unknownMappingKey(path: "m.yaml", key: "delimeter", line: 2)
            ),
            (
                "columns:\n  first_name: firstName\n  e_mail: emial\n",
                .unknownField(path: "m.yaml", field: "emial", line: 3)
            ),
            (
                "columns:\n  created_at: {field: createdAt, fromat: dd/MM/yyyy}\n",
                .unknownMappingKey(path: "m.yaml", key: "fromat", line: 2)
            ),
            (
                "columns:\n  email: email\noutcome:\n  column: y\n  won: [yes]\n  winners: [1]\n",
                .unknownMappingKey(path: "m.yaml", key: "outcome.winners", line: 6)
            ),
            (
                "columns:\n  note:\n    field: nickname\n",
                .unknownField(path: "m.yaml", field: "nickname", line: 3)
            ),
        ])
    func mappingErrorsNameTheLine(yaml: String, expected: IntakeError) {
        #expect(throws: expected) { try ImportMapping(yaml: yaml, path: "m.yaml") }
    }

    @Test(
        "badly shaped values are refused with their key",
        arguments: [
            ("delimiter: '|'\ncolumns:\n  a: email\n", "delimiter"),
            ("encoding: latin-9\ncolumns:\n  a: email\n", "encoding"),
            ("columns:\n  a: {attribute: a, type: money}\n", "type"),
            ("columns:\n  a: {attribute: a, case: shout}\n", "case"),
            ("columns:\n  a: {field: createdAt, format: 'dd/QQ/yyyy'}\n", "format"),
            ("columns:\n  a: {field: email, attribute: mail}\n", "attribute"),
            ("columns:\n  a: {field: doNotEmail, type: date}\n", "type"),
            ("key: phone\ncolumns:\n  a: email\n", "key"),
            ("description: nothing\n", "columns"),
        ])
    func badValues(yaml: String, key: String) {
        let error = #expect(throws: IntakeError.self) { try ImportMapping(yaml: yaml, path: "m.yaml") }
        guard case .invalidMappingValue(let path, let namedKey, let line, _) = error else {
            Issue.record("expected invalidMappingValue, got \(String(describing: error))")
            return
        }
        #expect(path == "m.yaml")
        #expect(namedKey == key)
        #expect(line >= 1)
    }

    @Test("text that is not YAML, or not a mapping, is an unreadable mapping")
    func unreadable() {
        for yaml in ["columns: [a, {b\n", "- just\n- a list\n"] {
            let error = #expect(throws: IntakeError.self) { try ImportMapping(yaml: yaml, path: "m.yaml") }
            guard case .unreadableMapping(let path, _) = error else {
                Issue.record("expected unreadableMapping, got \(String(describing: error))")
                continue
            }
            #expect(path == "m.yaml")
            #expect(error?.description.contains("\n") == false)
        }
    }

    @Test("a mapping file that does not exist is an unreadable mapping naming it")
    func missingMappingFile() {
        #expect(throws: IntakeError.unreadableMapping(path: "/nonexistent/m.yaml", reason: "file not found")) {
            try ImportMapping.load(path: "/nonexistent/m.yaml")
        }
    }

    @Test("columns may also be a list of items with `column:`")
    func listForm() throws {
        let mapping = try ImportMapping(
            yaml: """
                columns:
                  - column: Email Address
                    field: email
                  - column: Score
                    attribute: score
                    type: number
                key: [Email Address, Score]
                """)
        #expect(mapping.columns.map(\.column) == ["Email Address", "Score"])
        #expect(mapping.columns[1].target == .attribute("score"))
        #expect(mapping.key == .columns(["Email Address", "Score"]))
    }

    @Test("every error description is one line naming the file")
    func oneLineDescriptions() {
        let errors: [IntakeError] = [
            .fileNotFound(path: "a.csv"), .unreadableFile(path: "a.csv", reason: "denied"), .emptyFile(path: "a.csv"),
            .missingColumns(path: "a.csv", columns: ["email", "title"]),
            .encoding(path: "a.csv", row: 2, detail: "not valid UTF-8"),
            .unreadableMapping(path: "a.csv", reason: "x"), .unknownMappingKey(path: "a.csv", key: "k", line: 1),
            .unknownField(path: "a.csv", field: "f", line: 1),
            .invalidMappingValue(path: "a.csv", key: "k", line: 1, reason: "r"),
            .invalidOutcomeFile(path: "a.csv", row: 2, reason: "r"),
        ]
        for error in errors {
            #expect(error.description.hasPrefix("a.csv"))
            #expect(!error.description.contains("\n"))
        }
    }
}
