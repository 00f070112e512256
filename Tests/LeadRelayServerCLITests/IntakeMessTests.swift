import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// Issue 15, items 1–5: the ordinary mess of real files, each through `leadrelay-server import`.
@Suite("import: one person one lead, spreadsheet damage, headers, encodings, future events")
struct IntakeMessTests {
    /// A folder with a store and a mapping of `id` (optional), `email`, `first`, `phone`
    /// (optional) and `created` (optional).
    struct Intake {
        let folder: TemporaryFolder
        var db: String { folder.path("store.sqlite") }
        var mapping: String { folder.path("leads.yaml") }

        init() throws {
            folder = try TemporaryFolder()
            try """
            columns:
              id: {field: externalID, optional: true}
              email: email
              first: firstName
              phone: {field: phone, optional: true}
              created: {field: createdAt, optional: true}

            """.write(toFile: mapping, atomically: true, encoding: .utf8)
        }

        /// Writes `text` as `name` and imports it; the run and its decoded summary.
        func importLeads(_ name: String, _ text: String) async throws -> (CommandRun, ImportSummary?) {
            let file = folder.path(name)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            return await importFile(file)
        }

        func importFile(_ file: String) async -> (CommandRun, ImportSummary?) {
            let run = await CommandRun.leadrelayServer(
                "import", "leads", file, "--mapping", mapping, "--db", db, "--json")
            return (run, try? JSONDecoder().decode(ImportSummary.self, from: Data(run.output.utf8)))
        }

        func leads() throws -> [Lead] {
            let store = try SQLiteLeadStore(path: db)
            return try store.leads(stage: nil, limit: nil).sorted { ($0.firstName ?? "") < ($1.firstName ?? "") }
        }
    }

    // MARK: 1. one person, one lead

    @Test func aLaterFileWithoutIDsUpdatesTheLeadWithTheSameEmail() async throws {
        let intake = try Intake()
        _ = try await intake.importLeads(
            "crm.csv", "id,email,first\nL-1,ana@example.com,Ana\nL-2,ben@example.com,Ben\n")
        let (run, summary) = try await intake.importLeads(
            "webinar.csv", "email,first,phone\n  ANA@Example.com ,Ana,+351 911 000 000\ncleo@example.com,Cleo,\n")
        #expect(run.status == 0, "\(run.errorOutput)")
        #expect(summary?.created == 1)  // Cleo
        #expect(summary?.updated == 1)  // Ana, by her email
        #expect(summary?.identifiedByEmail == 1)
        let leads = try intake.leads()
        #expect(leads.map(\.firstName) == ["Ana", "Ben", "Cleo"])
        #expect(leads[0].externalID == "L-1")  // kept: the row had none
        #expect(leads[0].phone == "+351 911 000 000")
        #expect(run.output.contains("\"identifiedByEmail\" : 1"))

        let again = await intake.importFile(intake.folder.path("webinar.csv"))
        #expect(again.1?.unchanged == 2)
        #expect(try intake.leads().count == 3)
    }

    @Test func aNewExternalIDIsAdoptedByTheLeadWithItsEmailAndNoID() async throws {
        let intake = try Intake()
        _ = try await intake.importLeads("webinar.csv", "email,first\nana@example.com,Ana\n")
        let (run, summary) = try await intake.importLeads(
            "crm.csv", "id,email,first,phone\nL-1,Ana@example.com,Ana,555\n")
        #expect(run.status == 0, "\(run.errorOutput)")
        #expect(summary?.created == 0)
        #expect(summary?.updated == 1)
        #expect(summary?.externalIDsAdopted == 1)
        let leads = try intake.leads()
        #expect(leads.count == 1)
        #expect(leads.first?.externalID == "L-1")
        #expect(try SQLiteLeadStore(path: intake.db).lead(dedupeKey: "ext:L-1")?.id == leads.first?.id)
        // The id-less file again: still the one lead, now found through its external id's email.
        let again = try await intake.importLeads("webinar.csv", "email,first\nana@example.com,Ana\n")
        #expect(again.1?.identifiedByEmail == 1)
        #expect(try intake.leads().count == 1)
    }

    @Test func twoExternalIDsWithOneEmailStayTwoLeadsAndThePairIsReported() async throws {
        let intake = try Intake()
        let (run, summary) = try await intake.importLeads(
            "crm.csv", "id,email,first\nL-1,ana@example.com,Ana\nL-2,ana@example.com,Anabela\n")
        #expect(run.status == 0)
        #expect(summary?.created == 2)
        #expect(summary?.sharedEmails.map(\.row) == [3])
        #expect(summary?.sharedEmails.first?.otherExternalIDs == ["L-1"])
        let text = await CommandRun.leadrelayServer(
            "import", "leads", intake.folder.path("crm.csv"), "--mapping", intake.mapping, "--db",
            intake.folder.path("other.sqlite"))
        #expect(text.output.contains("row 3: external id L-2 is a new lead; ana@example.com is also the email of L-1"))
        // A row without an id cannot say which of the two it is: refused, naming both.
        let (idLess, idLessSummary) = try await intake.importLeads("webinar.csv", "email,first\nana@example.com,A.\n")
        #expect(idLess.status == 1)
        #expect(idLessSummary?.rejected.first?.column == "email")
        #expect(idLessSummary?.rejected.first?.reason.contains("(L-1, L-2)") == true)
        #expect(try intake.leads().count == 2)
    }

    // MARK: 2. spreadsheet damage

    @Test func scientificNotationIDsAreRefusedPerRowAndNeverMerged() async throws {
        let intake = try Intake()
        let (run, summary) = try await intake.importLeads(
            "excel.csv",
            "id,email,first,phone\n1.23457E+15,ana@example.com,Ana,\n1.23457E+15,ben@example.com,Ben,\n"
                + "007,cleo@example.com,Cleo,\n7,dan@example.com,Dan,4.47712E+11\n8,eve@example.com,Eve,0044 7712 345678\n"
        )
        #expect(run.status == 1)
        #expect(summary?.created == 2)  // 007 and Eve
        #expect(summary?.merged.isEmpty == true)
        #expect(summary?.rejected.map(\.row) == [2, 3, 5])
        #expect(summary?.rejected.map(\.column) == ["id", "id", "phone"])
        #expect(summary?.rejected.first?.reason.contains("'1.23457E+15' is a number in scientific notation") == true)
        let leads = try intake.leads()
        #expect(leads.map(\.externalID) == ["007", "8"])  // Cleo keeps her leading zeros
        #expect(leads.last?.phone == "0044 7712 345678")
    }

    /// `X\0evil` would be cut at the NUL by SQLite and update lead `X`: the row is refused.
    @Test func aNulByteRefusesItsRowAndTouchesNoOtherLead() async throws {
        let intake = try Intake()
        _ = try await intake.importLeads("crm.csv", "id,email,first\nX,x@example.com,Xavier\n")
        let (run, summary) = try await intake.importLeads(
            "evil.csv", "id,email,first\nX\u{0}evil,evil@example.com,Eve\n")
        #expect(run.status == 1)
        #expect(summary?.rejected.first?.reason.contains("NUL byte") == true)
        #expect(summary?.rejected.first?.column == "id")
        #expect(try intake.leads().map(\.firstName) == ["Xavier"])
    }

    // MARK: 3. headers

    @Test func aHeaderNameTwiceRefusesTheFileNamingBothPositions() async throws {
        let intake = try Intake()
        let (run, _) = try await intake.importLeads(
            "twice.csv", "id,Email,first,email\nL-1,ana@example.com,Ana,ana.work@example.com\n")
        #expect(run.status != 0)
        let message = run.errorOutput
        #expect(message.contains("column 'Email' appears 2 times in the header (columns 2 and 4); file refused"))
        let stored = FileManager.default.fileExists(atPath: intake.db) ? try intake.leads() : []
        #expect(stored.isEmpty)
    }

    @Test func headerNamesMatchIgnoringCaseAndSpaces() async throws {
        let intake = try Intake()
        let (run, summary) = try await intake.importLeads("spaced.csv", " ID ,E-MAIL  ,First\n")
        #expect(run.status != 0)  // `E-MAIL` is not `email`: the rule ignores case and spaces only
        #expect(run.errorOutput.contains("'email'"))
        #expect(summary == nil)
        let (matched, matchedSummary) = try await intake.importLeads(
            "cased.csv", " ID ,  EMAIL ,First\nL-1,ana@example.com,Ana\n")
        #expect(matched.status == 0, "\(matched.errorOutput)")
        #expect(matchedSummary?.created == 1)
        #expect(try intake.leads().first?.externalID == "L-1")
    }

    // MARK: 4. encodings and times

    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16WithAByteOrderMarkIsDecoded(_ encoding: String.Encoding) async throws {
        let intake = try Intake()
        let text = "id\temail\tfirst\r\nL-1\témile@example.com\tÉmile\r\nL-2\tzoë@example.com\tZoë 😀\r\n"
        let mark: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let file = intake.folder.path("unicode-text.csv")
        try (Data(mark) + text.data(using: encoding)!).write(to: URL(fileURLWithPath: file))
        let (run, summary) = await intake.importFile(file)
        #expect(run.status == 0, "\(run.errorOutput)")
        #expect(summary?.created == 2)
        #expect(try intake.leads().map(\.firstName) == ["Zoë 😀", "Émile"].sorted())
    }

    @Test func utf16WithoutAMarkIsRefusedNamingUTF16() async throws {
        let intake = try Intake()
        let file = intake.folder.path("no-mark.csv")
        try "id,email,first\nL-1,ana@example.com,Ana\n".data(using: .utf16LittleEndian)!
            .write(to: URL(fileURLWithPath: file))
        let (run, _) = await intake.importFile(file)
        #expect(run.status != 0)
        #expect(run.errorOutput.contains("UTF-16"))
        #expect(!run.errorOutput.contains("windows-1252"))
    }

    @Test func dateTimesWithAnOffsetAreStoredInUTC() async throws {
        let intake = try Intake()
        let (run, summary) = try await intake.importLeads(
            "times.csv",
            "id,email,first,created\nL-1,a@example.com,A,2021-04-03T10:00:00+02:00\n"
                + "L-2,b@example.com,B,2021-04-03 10:00:00-0530\nL-3,c@example.com,C,2021-04-03T10:00:00.250Z\n"
                + "L-4,d@example.com,D,2021-04-03T10:00:00+25:00\n")
        #expect(run.status == 1)
        #expect(summary?.rejected.map(\.row) == [5])
        let leads = try intake.leads()
        let utc = { (hour: Int, minute: Int) in
            Date(timeIntervalSince1970: 1_617_408_000 + Double(hour * 3_600 + minute * 60))  // 2021-04-03
        }
        #expect(leads.map(\.createdAt) == [utc(8, 0), utc(15, 30), utc(10, 0).addingTimeInterval(0.25)])
    }

    // MARK: 5. events from the future

    @Test func eventsDatedAheadOfTheClockAreRefusedAndCounted() async throws {
        let intake = try Intake()
        _ = try await intake.importLeads("crm.csv", "id,email,first\nL-1,ana@example.com,Ana\n")
        let formatter = ISO8601DateFormatter()
        let soon = formatter.string(from: Date().addingTimeInterval(120))  // within the tolerance
        let future = formatter.string(from: Date().addingTimeInterval(3 * 86_400))
        let events = intake.folder.path("events.csv")
        try "Lead,Activity,At\nL-1,webinar,\(soon)\nL-1,pricing,\(future)\n1.23457E+15,webinar,\(soon)\n"
            .write(toFile: events, atomically: true, encoding: .utf8)
        let mapping = intake.folder.path("events.yaml")
        try "lead: {column: Lead, match: default}\ntype: Activity\ntimestamp: At\n"
            .write(toFile: mapping, atomically: true, encoding: .utf8)
        let run = await CommandRun.leadrelayServer("import", "events", events, "--mapping", mapping, "--db", intake.db)
        #expect(run.status == 1)
        #expect(run.output.contains("rejected      2 (1 dated in the future)"))
        #expect(run.output.contains("row 4, column Lead: '1.23457E+15' is a number in scientific notation"))
        #expect(run.output.contains("row 3, column At: '\(future)' is dated 72 hours ahead of the server clock"))
        let store = try SQLiteLeadStore(path: intake.db)
        let lead = try #require(try store.lead(dedupeKey: "ext:L-1"))
        #expect(try store.events(leadID: lead.id).map(\.type) == ["webinar"])
    }
}
