import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// The foundation issue's acceptance on the real files in ../shared/data, through the real
/// `leadrelay-server` command code.
@Suite("import leads: real data")
struct ImportRealDataTests {
    static let leadsCSV = Paths.sharedFile("data/x-education-leads/Leads.csv")
    static let olistCSV = Paths.sharedFile("data/olist-marketing-funnel/olist_marketing_qualified_leads_dataset.csv")
    static let bankCSV = Paths.sharedFile("data/bank-marketing/bank.csv")

    static func importJSON(_ file: String, mapping: String, db: String) async throws -> (CommandRun, ImportSummary) {
        let run = await CommandRun.leadrelayServer(
            "import", "leads", file, "--mapping", Paths.packageFile(mapping), "--db", db, "--json")
        let summary = try JSONDecoder().decode(ImportSummary.self, from: Data(run.output.utf8))
        return (run, summary)
    }

    @Test func xEducationImportsEveryLeadOnceAndReimportChangesNothing() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let (first, summary) = try await Self.importJSON(Self.leadsCSV, mapping: "mappings/x-education.yaml", db: db)
        #expect(first.status == 0)
        #expect(summary.rowsRead == 9_240)
        #expect(summary.created == 9_240)
        #expect(summary.rejected.isEmpty)
        #expect(summary.merged.isEmpty)

        let (second, again) = try await Self.importJSON(Self.leadsCSV, mapping: "mappings/x-education.yaml", db: db)
        #expect(second.status == 0)
        #expect(again.created == 0)
        #expect(again.updated == 0)
        #expect(again.unchanged == 9_240)

        let store = try SQLiteLeadStore(path: db)
        // Prospect 7927b2df… has Specialization `Select` in the file: missing, not a value.
        let lead = try #require(try store.lead(dedupeKey: "ext:7927b2df-8bba-4d29-b9a2-b6e0beafe620"))
        #expect(lead.attributes["specialization"] == nil)
        #expect(lead.source == "olark chat")
        #expect(lead.outcome?.won == false)
        // Tags and Lead Quality are post-contact: kept, never among the scoring attributes.
        #expect(lead.postContactAttributes["tags"] == .text("Interested in other courses"))
        #expect(lead.postContactAttributes["lead_quality"] == .text("Low in Relevance"))
        #expect(lead.attributes["tags"] == nil)

        let sources = try store.leadCountsBySource()
        #expect(sources["google"] == 2_873)
        #expect(sources["Google"] == nil)
        #expect(try store.outcomeCounts().won == 3_561)

        let stats = await CommandRun.leadrelayServer("stats", "--db", db)
        #expect(stats.output.contains("9240 leads"))
    }

    @Test func showPrintsAMissingSpecializationAsMissing() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        _ = try await Self.importJSON(Self.leadsCSV, mapping: "mappings/x-education.yaml", db: db)
        let show = await CommandRun.leadrelayServer("leads", "show", "7927b2df-8bba-4d29-b9a2-b6e0beafe620", "--db", db)
        #expect(show.status == 0)
        #expect(show.output.contains("olark chat"))
        #expect(!show.output.contains("Select"))
        #expect(show.output.contains("post-contact (never scored):"))
    }

    @Test func olistMQLsCarryTheirClosedDealsAsOutcomes() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let (run, summary) = try await Self.importJSON(Self.olistCSV, mapping: "mappings/olist-mql.yaml", db: db)
        #expect(run.status == 0)
        #expect(summary.created == 8_000)
        #expect(summary.rejected.isEmpty)
        let store = try SQLiteLeadStore(path: db)
        #expect(try store.outcomeCounts().won == 842)
        let won = try #require(try store.lead(dedupeKey: "ext:5420aad7fec3549a85876ba1c529bd84"))
        #expect(won.outcome?.won == true)
        #expect(won.outcome?.details["sdr_id"] == "a8387c01a09e99ce014107505b92388c")
        #expect(won.outcome?.details["sr_id"] == "4ef15afb4b2723d8f3d81e51ec7afefe")
    }

    @Test func bankCallsAreOneLeadPerRowWithDurationPostContact() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let (run, summary) = try await Self.importJSON(Self.bankCSV, mapping: "mappings/bank.yaml", db: db)
        #expect(run.status == 0)
        #expect(summary.created == 4_521)
        let store = try SQLiteLeadStore(path: db)
        #expect(try store.outcomeCounts().won == 521)
        let (_, again) = try await Self.importJSON(Self.bankCSV, mapping: "mappings/bank.yaml", db: db)
        #expect(again.unchanged == 4_521)
        let first = try #require(try store.leads(stage: .new, limit: 1).first)
        #expect(first.postContactAttributes["duration"] != nil)
        #expect(first.attributes["duration"] == nil)
    }
}
