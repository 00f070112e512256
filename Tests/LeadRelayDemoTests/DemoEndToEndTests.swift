import ArgumentParser
import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import Synchronization
import TestSupport
import Testing

@testable import LeadRelayDemo

/// The demo end to end, in process, on the real X Education file: a temporary home, the server on
/// port 0, five reps. Asserts the figures it prints against the store it leaves behind.
@Suite("leadrelay-demo end to end", .serialized)
struct DemoEndToEndTests {
    static let packageRoot = Paths.packageRoot
    static let leadsCSV = Paths.sharedFile("data/x-education-leads/Leads.csv")

    @Test func demoRunsTheWholeHandOffOnRealData() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadrelay-demo-test-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let printed = Mutex("")
        let output = DemoOutput { text in printed.withLock { $0 += text } }
        let settings = DemoRun.Settings(
            leadsFile: Self.leadsCSV,
            mappingFile: Self.packageRoot.appendingPathComponent("mappings/x-education.yaml").path,
            modelFile: Self.packageRoot.appendingPathComponent("models/x-education.json").path, repCount: 5,
            home: folder.path, keepRunning: false)
        let figures = try await DemoOutput.$current.withValue(output) { try await DemoRun(settings: settings).run() }
        let transcript = printed.withLock { $0 }

        #expect(transcript.contains("=> leads imported: 9,240"))
        #expect(figures.imported == 9_240)

        // The MQL count it prints is the store's: every lead the scoring run moved to `mql`.
        let store = try SQLiteLeadStore(path: folder.appendingPathComponent("server.sqlite").path)
        var qualified = 0
        var after: LeadID?
        while true {
            let page = try store.leads(after: after, limit: 1_000)
            guard let last = page.last else { break }
            after = last.id
            for lead in page {
                let history = try store.stageHistory(leadID: lead.id)
                if history.contains(where: { $0.to == .mql }) { qualified += 1 }
            }
        }
        #expect(figures.mqls == qualified)
        #expect(figures.mqls > 0)
        #expect(transcript.contains("=> MQLs: \(Self.grouped(qualified)) of 9,240"))

        #expect(figures.leadsPerRep.count == 5)
        #expect(figures.leadsPerRep.values.reduce(0, +) + figures.overflow <= figures.mqls)
        for number in 1...5 { #expect(transcript.contains("=> leads for Rep \(number): ")) }
        #expect(figures.pulled == figures.leadsPerRep["rep1@demo.leadrelay.example"])
        #expect(transcript.contains("=> leads pulled: \(Self.grouped(figures.pulled))"))
        // Three verdicts applied; the fourth, on a lead reassigned while the rep was offline, refused.
        #expect(transcript.contains("=> verdicts applied: 3 (pushed 3, refused 1)"))
        #expect(figures.verdictsApplied == 3)
        #expect(figures.verdictsRefused == 1)
        #expect(transcript.contains("not_assigned"))
        #expect(transcript.contains("=> accepted: 1"))
        #expect(figures.accepted == 1)
        #expect(transcript.contains("=> leads recycled: 2"))
        #expect(Set(figures.recycled.values) == ["no_budget", "bad_timing"])
        #expect(transcript.contains("no_budget"))
        #expect(transcript.contains("bad_timing"))
        #expect(transcript.contains("8. Quality report"))
        #expect(figures.qualityReportPrinted)
        #expect(transcript.contains("Done: the server has stopped."))
    }

    @Test func missingLeadFileNamesTheOption() async throws {
        let status = await LeadRelayDemoCommand.execute(arguments: ["--leads", "/nonexistent/Leads.csv"])
        #expect(status == 1)
        do {
            _ = try LeadRelayDemoCommand.parse(["--leads", "/nonexistent/Leads.csv"]).settings()
            Issue.record("expected a failure naming --leads")
        } catch let failure as DemoFailure {
            #expect(failure.description.contains("--leads"))
            #expect(!failure.description.contains("\n"))
        }
    }

    static func grouped(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.usesGroupingSeparator = true
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
