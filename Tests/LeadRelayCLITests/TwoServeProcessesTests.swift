import Foundation
import LeadModel
import LocalStore
import StoreContract
import SyncProtocol
import TestSupport
import Testing

/// Two `serve` processes on one PostgreSQL database (SPEC §7): the built `leadrelay-server serve`
/// started twice as processes of its own. D1's requests alternate between them (a load balancer's
/// round robin; the device logs in to the other server between syncs, which keeps its client id,
/// outbox and cursor), D2 syncs through the second one only.
@Suite("Two serve processes, one PostgreSQL database", .enabled(if: ServerStoreKind.postgresServerURL != nil))
struct TwoServeProcessesTests {
    @Test func aDeviceAlternatingBetweenTwoProcessesAndAnotherOnTheSecondStayExact() async throws {
        let world = try SyncWorld(.postgres)
        let (r1, token1) = try world.rep("R1")
        let (r2, token2) = try world.rep("R2")
        let ids = try world.seedQualifiedLeads(6)
        try world.assign(Array(ids[0..<4]), to: r1)
        try world.assign(Array(ids[4..<6]), to: r2)
        let first = try await ServeProcess(storeArguments: world.storeArguments, folder: world.folder.url.path)
        defer { first.stop() }
        let second = try await ServeProcess(storeArguments: world.storeArguments, folder: world.folder.url.path)
        defer { second.stop() }
        let d1 = world.device("D1")
        let d2 = world.device("D2")
        let servers = [first.url, second.url]
        var turn = 0
        /// D1's next sync, through the other server than the last one.
        func d1Sync() async -> CommandRun {
            let url = servers[turn % 2]
            turn += 1
            _ = await d1.run("login", "--server", url, "--token", token1)
            return await d1.run("sync")
        }
        #expect(await d2.run("login", "--server", second.url, "--token", token2).status == 0)
        #expect(await d1Sync().output.contains("pulled 4"))
        #expect(await d2.run("sync").output.contains("pulled 2"))

        // Verdicts queued offline, pushed through the second process.
        #expect(await d1.run("accept", String(ids[0].description.prefix(8))).status == 0)
        #expect(await d1.run("reject", String(ids[1].description.prefix(8)), "--reason", "no_budget").status == 0)
        let pushed = await d1Sync()
        #expect(pushed.status == 0, "\(pushed.errorOutput)")
        #expect(pushed.output.contains("pushed 2"))
        #expect(try world.stage(ids[0]) == .accepted)
        #expect(try [.recycled, .nurturing].contains(world.stage(ids[1])))

        // The manager hands L2 to R2 (through the world's store: a third process): D1, back on the
        // first process, sees it leave; D2, on the second, gets it.
        try world.assign([ids[2]], to: r2)
        let afterReassign = await d1Sync()
        #expect(afterReassign.output.contains("removed 1"), "\(afterReassign.output)")
        #expect(await d2.run("sync").output.contains("pulled 1"))

        // D1 converts L0 through one process, then syncs through the other: nothing is sent twice,
        // nothing is missed.
        #expect(await d1.run("convert", String(ids[0].description.prefix(8))).status == 0)
        #expect(await d1Sync().output.contains("pushed 1"))
        #expect(await d1Sync().output.contains("pulled 0"))
        #expect(try world.stage(ids[0]) == .converted)
        let accepts = try world.store.stageHistory(leadID: ids[0]).filter {
            $0.trigger == .accept || $0.trigger == .convert
        }
        #expect(accepts.map(\.trigger) == [.accept, .convert])

        // Both devices hold exactly their rep's scope, with the server's digest.
        let d1Leads = try LocalDatabase(path: d1.databasePath).leads(sort: .age).map(\.lead.leadID)
        #expect(Set(d1Leads) == [ids[3]])
        let d2Leads = try LocalDatabase(path: d2.databasePath).leads(sort: .age).map(\.lead.leadID)
        #expect(Set(d2Leads) == [ids[2], ids[4], ids[5]])
        #expect(try LocalDatabase(path: d1.databasePath).outbox().allSatisfy { $0.state == .applied })
        _ = r2
    }
}
