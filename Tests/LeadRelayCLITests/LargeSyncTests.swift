import Foundation
import LeadModel
import LeadPipeline
import LeadRelayCLI
import LocalStore
import SQLiteStore
import StoreContract
import SyncClient
import SyncProtocol
import Testing

/// S15: a large first sync, streamed page by page, with its bytes on the wire bounded. The lead
/// count is `LEADRELAY_S15_LEADS` (100,000 by default, the case's figure). The server's file is on
/// /dev/shm when it exists; leads are seeded in bulk (one transaction per 5,000 imported, one for
/// the moves to `mql`, one for the hand-off), so seeding no longer dominates the test.
@Suite("Large first sync (S15)", .serialized)
struct LargeSyncTests {
    static var leadCount: Int {
        ProcessInfo.processInfo.environment["LEADRELAY_S15_LEADS"].flatMap(Int.init) ?? 100_000
    }

    /// The bound of S15: bytes on the wire at most about 1.5× the JSON of the leads.
    static let wireBound = 1.5

    @Test func s15LargeFirstSyncIsStreamedAndVerified() async throws {
        let ramDisk = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : nil
        let world = try SyncWorld(databaseFolder: ramDisk)
        let (r1, token) = try world.rep("R1")
        let seedStart = Date()
        let ids = try world.seedQualifiedLeads(Self.leadCount)
        try world.assign(ids, to: r1)
        let seeded = Date().timeIntervalSince(seedStart)
        let server = try await LiveServer.start(world)
        defer { server.cancel() }
        let d1 = world.device("D1")
        #expect(await d1.run("login", "--server", server.url, "--token", token).status == 0)

        let counter = PullCounter(dieOnPull: nil)
        let ledger = PageLedger()
        let start = Date()
        let pageLimit = ClientEnvironment.defaultPageLimit
        let sync = await d1.run(
            "sync",
            environment: .test(
                pageLimit: pageLimit, wrapTransport: { ledger.wrapTransport(counter.wrap($0)) },
                wrapStore: ledger.wrapStore))
        let seconds = Date().timeIntervalSince(start)
        #expect(sync.status == 0, "\(sync.errorOutput)")
        #expect(sync.output.contains("pulled \(Self.leadCount), removed 0"))
        let local = try LocalDatabase(path: d1.databasePath)
        #expect(try local.leadCount() == Self.leadCount)
        // Streamed: one page of at most 1,000 leads (the CLI's page size) per request, each
        // committed with its cursor.
        let pages = (Self.leadCount + pageLimit - 1) / pageLimit
        #expect(counter.pulls == pages)
        #expect(counter.upserts == Self.leadCount)
        // Memory that does not grow with the lead count, counted through the ports: the engine
        // asks for the next page only after the store applied the last one, so it never holds
        // more than one page (at most `pageLimit` decoded leads), however many leads there are.
        #expect(ledger.pagesApplied == pages)
        #expect(ledger.mostPagesHeld == 1)
        #expect(ledger.mostLeadsHeld == min(pageLimit, Self.leadCount))

        // Bytes on the wire: the bodies of the pull answers as the transport received them,
        // against the JSON of the same leads (`JSONEncoder()` of the synced leads as an array).
        let received = try #require(counter.received)
        #expect(received.pullResponses == pages)
        let wireBytes = received.pullBodyBytes
        let leadsJSONBytes = try Self.jsonBytes(of: local.leads().map(\.lead))
        let ratio = Double(wireBytes) / Double(leadsJSONBytes)
        #expect(leadsJSONBytes > 200 * Self.leadCount)
        #expect(ratio <= Self.wireBound, "wire \(wireBytes) bytes, leads' JSON \(leadsJSONBytes) bytes")

        let quietStart = Date()
        let quiet = await d1.run("sync")
        let quietSeconds = Date().timeIntervalSince(quietStart)
        #expect(quiet.output.contains("pulled 0, removed 0, pushed 0, refused 0"))
        print(
            "S15: \(Self.leadCount) leads: seeded in \(String(format: "%.1f", seeded)) s, first sync \(String(format: "%.2f", seconds)) s in \(pages) pages, \(wireBytes) bytes on the wire = \(String(format: "%.3f", ratio))× the leads' JSON (\(leadsJSONBytes) bytes), sync with nothing new \(String(format: "%.0f", quietSeconds * 1000)) ms"
        )
    }

    /// The size in bytes of `JSONEncoder().encode(leads)` (compact, the default strategies),
    /// counted lead by lead plus the array's brackets and commas, so the whole text is never held.
    static func jsonBytes(of leads: [SyncedLead]) throws -> Int {
        let encoder = JSONEncoder()
        var total = 2 + max(0, leads.count - 1)
        for lead in leads { total += try encoder.encode(lead).count }
        return total
    }
}
