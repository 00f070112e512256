import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import TestSupport
import Testing

@Suite("reps and leads verbs")
struct RepsCommandTests {
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    @Test func addListAndDeactivateReps() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let add = await CommandRun.leadrelayServer(
            "reps", "add", "Ana Rep", "--email", "Ana.Rep@Example.com", "--territory", "India", "--capacity", "25",
            "--db", db)
        #expect(add.status == 0)
        let duplicate = await CommandRun.leadrelayServer(
            "reps", "add", "Other", "--email", "ana.rep@example.com", "--db", db)
        #expect(duplicate.status == 1)
        #expect(duplicate.errorOutput.contains("ana.rep@example.com"))
        let invalid = await CommandRun.leadrelayServer("reps", "add", "Bad", "--email", "not-an-email", "--db", db)
        #expect(invalid.status != 0)
        #expect(invalid.errorOutput.contains("is not an email address"))

        let list = await CommandRun.leadrelayServer("reps", "list", "--json", "--db", db)
        let reps = try JSONDecoder().decode([Rep].self, from: Data(list.output.utf8))
        #expect(reps.count == 1)
        #expect(reps.first?.territory == "India")
        #expect(reps.first?.capacity == 25)
        #expect(reps.first?.isActive == true)

        let deactivate = await CommandRun.leadrelayServer("reps", "deactivate", "ana.rep@example.com", "--db", db)
        #expect(deactivate.status == 0)
        #expect(try SQLiteLeadStore(path: db).reps().first?.isActive == false)
        let unknown = await CommandRun.leadrelayServer("reps", "deactivate", "ghost@example.com", "--db", db)
        #expect(unknown.status == 1)
    }

    @Test func leadsListFiltersByStageAndLimits() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        _ = await CommandRun.leadrelayServer(
            "import", "leads", Paths.sharedFile("cases/import/plain-lf.csv"), "--mapping",
            Paths.packageFile("mappings/cases/import-cases.yaml"), "--db", db)
        let list = await CommandRun.leadrelayServer(
            "leads", "list", "--stage", "new", "--limit", "2", "--json", "--db", db)
        #expect(try Self.decoder.decode([Lead].self, from: Data(list.output.utf8)).count == 2)
        let none = await CommandRun.leadrelayServer("leads", "list", "--stage", "mql", "--json", "--db", db)
        #expect(try Self.decoder.decode([Lead].self, from: Data(none.output.utf8)).isEmpty)
        let badStage = await CommandRun.leadrelayServer("leads", "list", "--stage", "hot", "--db", db)
        #expect(badStage.status != 0)
        let unknown = await CommandRun.leadrelayServer("leads", "show", "L-999", "--db", db)
        #expect(unknown.status == 1)
        #expect(unknown.errorOutput.contains("L-999"))
    }
}
