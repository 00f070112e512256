import Foundation
import LeadModel
import LeadPipeline
import LeadRelayCLI
import LocalStore
import ServerStore
import SyncProtocol
import Testing

/// S15: a large first sync, streamed page by page. The lead count is `LEADRELAY_S15_LEADS`
/// (20,000 by default so the suite stays quick; 100,000 for the full case). The server's file is
/// on /dev/shm when it exists, so seeding is not dominated by fsync.
@Suite("Large first sync (S15)", .serialized)
struct LargeSyncTests {
    static var leadCount: Int {
        ProcessInfo.processInfo.environment["LEADRELAY_S15_LEADS"].flatMap(Int.init) ?? 20_000
    }

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
        let start = Date()
        let pageLimit = ClientEnvironment.defaultPageLimit
        let sync = await d1.run("sync", environment: .test(pageLimit: pageLimit, wrapTransport: counter.wrap))
        let seconds = Date().timeIntervalSince(start)
        #expect(sync.status == 0, "\(sync.errorOutput)")
        #expect(sync.output.contains("pulled \(Self.leadCount), removed 0"))
        let local = try LocalDatabase(path: d1.databasePath)
        #expect(try local.leadCount() == Self.leadCount)
        // Streamed: one page of at most 5,000 leads (the CLI's page size) per request, each
        // committed with its cursor.
        #expect(counter.pulls == (Self.leadCount + pageLimit - 1) / pageLimit)
        #expect(counter.upserts == Self.leadCount)

        let quietStart = Date()
        let quiet = await d1.run("sync")
        let quietSeconds = Date().timeIntervalSince(quietStart)
        #expect(quiet.output.contains("pulled 0, removed 0, pushed 0, refused 0"))
        print(
            "S15: \(Self.leadCount) leads: seeded in \(String(format: "%.1f", seeded)) s, first sync \(String(format: "%.2f", seconds)) s, sync with nothing new \(String(format: "%.0f", quietSeconds * 1000)) ms"
        )
    }
}
