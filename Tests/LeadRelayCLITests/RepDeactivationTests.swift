import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import SyncProtocol
import Testing

/// Issue 15 item 7, end to end: a deactivated rep holds nothing and can do nothing, whether the
/// admin command or the API deactivates them.
@Suite("a deactivated rep holds nothing and can do nothing")
struct RepDeactivationTests {
    /// The API path is checked in LeadServerTests (HandoffAPITests), through the same
    /// `RepDeactivation`.
    @Test func theirLeadsGoToAnotherRepAndTheirDeviceIsRefused() async throws {
        let opening = try await SyncedRep.start(leads: 3)
        let world = opening.world
        let d1 = opening.device
        #expect(await d1.run("accept", opening.leads[0].description).status == 0)
        #expect(await d1.run("sync").status == 0)
        let (r2, r2Token) = try world.rep("R2")

        let run = await CommandRun.leadrelayServer(["reps", "deactivate", "r1@example.com", "--db", world.databasePath])
        #expect(run.status == 0, "\(run.errorOutput)")
        #expect(run.output.contains("revoked 1 device tokens; re-routed 3 of their open leads"))
        #expect(try world.store.openLeadCounts()[opening.rep] == nil)
        for id in opening.leads { #expect(try world.store.owner(of: id) == r2) }
        #expect(try world.store.lead(id: opening.leads[0])?.stage == .accepted)  // it changed hands, kept its stage

        // R1's device queues a verdict: the server refuses it with the stable code, the outbox keeps it.
        #expect(await d1.run("reject", opening.leads[1].description, "--reason", "no_budget").status == 0)
        let refused = await d1.run("sync")
        #expect(refused.status != 0)
        #expect(refused.errorOutput.contains("your rep account was deactivated"))
        #expect(try world.store.lead(id: opening.leads[1])?.stage == .assigned)

        // R2's device gets all three, the accepted one as accepted.
        let d2 = world.device("D2")
        #expect(await d2.run("login", "--server", opening.server.url, "--token", r2Token).status == 0)
        let sync = await d2.run("sync")
        #expect(sync.status == 0, "\(sync.errorOutput)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let leads = try decoder.decode([SyncedLead].self, from: Data(await d2.run("leads", "--json").output.utf8))
        #expect(Set(leads.map(\.leadID)) == Set(opening.leads))
        #expect(leads.first { $0.leadID == opening.leads[0] }?.stage == .accepted)

        // Routing never hands them anything again, and no token can be issued for them.
        let fresh = try world.seedQualifiedLeads(2, prefix: "N")
        let route = await CommandRun.leadrelayServer(["route", "--db", world.databasePath])
        #expect(route.status == 0)
        for id in fresh { #expect(try world.store.owner(of: id) == r2) }
        let token = await CommandRun.leadrelayServer(["tokens", "issue", "r1@example.com", "--db", world.databasePath])
        #expect(token.status != 0)

        // The SLA never escalates to them: every lead of R2 past its deadline stays with R2 (the only
        // active rep), none goes to R1.
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3 * 3_600))
        let sla = await CommandRun.leadrelayServer([
            "sla", "run", "--hours", "1", "--now", later, "--db", world.databasePath, "--json",
        ])
        #expect(sla.status == 0, "\(sla.errorOutput)")
        #expect(sla.output.contains("\"escalated\" : 0"))
        for id in opening.leads + fresh { #expect(try world.store.owner(of: id) != opening.rep) }
    }
}
