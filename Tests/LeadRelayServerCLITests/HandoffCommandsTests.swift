import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncProtocol
import TestSupport
import Testing

/// The hand-off verbs through the real command code: route with a rules file, stats showing the
/// overflow, sla run and recycle run with `--now`, reps deactivate re-routing, report forms.
@Suite("hand-off commands")
struct HandoffCommandsTests {
    /// A store file with two reps (Ana for Brazil, Carl for the rest) and three MQLs.
    static func world(_ folder: TemporaryFolder) async throws -> (db: String, rules: String, store: SQLiteLeadStore) {
        let db = folder.path("store.sqlite")
        for (name, capacity) in [("ana", "1"), ("carl", "5")] {
            let run = await CommandRun.leadrelayServer(
                "reps", "add", name, "--email", "\(name)@example.com", "--capacity", capacity, "--db", db)
            #expect(run.status == 0)
        }
        let rules = folder.path("rules.yaml")
        try """
        territories:
          - name: brazil
            match: {country: [BR]}
            reps: [ana@example.com]
        default:
          reps: [carl@example.com]
        """.write(toFile: rules, atomically: true, encoding: .utf8)
        let store = try SQLiteLeadStore(path: db)
        let at = Date(timeIntervalSince1970: 1_767_225_600)
        for (name, country) in [("b1", "BR"), ("b2", "BR"), ("u1", "US")] {
            let lead = Lead(externalID: name, country: country, source: "web", createdAt: at)
            _ = try store.importLeads(runID: ImportRunID()) { try $0.upsert(lead, dedupeKey: name) }
            let id = try #require(try store.lead(dedupeKey: name)?.id)
            try store.transition(.init(leadID: id, to: .mql, trigger: .score, actor: "system:scoring", at: at))
        }
        return (db, rules, store)
    }

    @Test func routeWithRulesFillsTerritoriesAndStatsShowsTheOverflow() async throws {
        let folder = try TemporaryFolder()
        let (db, rules, store) = try await Self.world(folder)
        let run = await CommandRun.leadrelayServer(
            "route", "--rules", rules, "--db", db, "--now", "2026-01-01T01:00:00Z")
        #expect(run.status == 0)
        #expect(run.output.contains("routed 2 MQLs"))
        #expect(run.output.contains("1 waiting in overflow"))
        let stats = await CommandRun.leadrelayServer("stats", "--db", db)
        #expect(stats.output.contains("overflow: 1 leads"))
        let waiting = try #require(try store.overflow().first)
        #expect(waiting.territory == "brazil")
        #expect(waiting.since == Date(timeIntervalSince1970: 1_767_225_600 + 3_600))
    }

    @Test func aBadRulesFileIsAClearError() async throws {
        let folder = try TemporaryFolder()
        let (db, _, _) = try await Self.world(folder)
        let rules = folder.path("bad.yaml")
        try "territories: [{name: x, match: {country: [BR]}, reps: [nobody]}]".write(
            toFile: rules, atomically: true, encoding: .utf8)
        let run = await CommandRun.leadrelayServer("route", "--rules", rules, "--db", db)
        #expect(run.status == 1)
        #expect(run.errorOutput.contains("bad.yaml: territories[0]: 'nobody' is not a valid rep email"))
        let missing = await CommandRun.leadrelayServer("route", "--rules", folder.path("none.yaml"), "--db", db)
        #expect(missing.status == 1)
        #expect(missing.errorOutput.contains("cannot read the routing rules"))
    }

    @Test func slaRunEscalatesAtTheGivenClockReading() async throws {
        let folder = try TemporaryFolder()
        let (db, _, store) = try await Self.world(folder)
        _ = await CommandRun.leadrelayServer("route", "--db", db, "--now", "2026-01-01T00:00:00Z")
        let early = await CommandRun.leadrelayServer(
            "sla", "run", "--db", db, "--now", "2026-01-01T23:59:59Z", "--json")
        #expect(early.status == 0)
        #expect(early.output.contains("\"breached\" : 0"))
        let late = await CommandRun.leadrelayServer(
            "sla", "run", "--db", db, "--hours", "12", "--now", "2026-01-01T12:00:01Z")
        #expect(late.status == 0)
        #expect(late.output.contains("3 past the 12.0-hour SLA"))
        #expect(try store.breaches().count == 3)
        let bad = await CommandRun.leadrelayServer("sla", "run", "--db", db, "--hours", "0")
        #expect(bad.status == 64)
    }

    @Test func deactivatingARepReroutesTheirAssignedLeads() async throws {
        let folder = try TemporaryFolder()
        let (db, _, store) = try await Self.world(folder)
        _ = await CommandRun.leadrelayServer("route", "--db", db)
        let ana = try #require(try store.rep(email: EmailAddress("ana@example.com")))
        let carl = try #require(try store.rep(email: EmailAddress("carl@example.com")))
        #expect(try store.openLeadCounts()[ana.id] == 1)
        let run = await CommandRun.leadrelayServer("reps", "deactivate", "ana@example.com", "--db", db)
        #expect(run.status == 0)
        #expect(run.output.contains("revoked 0 device tokens; re-routed 1 of their open leads"))
        #expect(try store.openLeadCounts()[ana.id] == nil)
        #expect(try store.openLeadCounts()[carl.id] == 3)
    }

    @Test func recycleRunAndReportForms() async throws {
        let folder = try TemporaryFolder()
        let (db, _, store) = try await Self.world(folder)
        _ = await CommandRun.leadrelayServer("route", "--db", db, "--now", "2026-01-01T00:00:00Z")
        let lead = try #require(try store.leads(stage: .assigned, limit: 1).first)
        let owner = try #require(try store.owner(of: lead.id))
        let sync = SyncService(store: store, now: { Date(timeIntervalSince1970: 1_767_225_600 + 3_600) })
        _ = try sync.push(
            repID: owner,
            PushRequest(
                clientID: "c",
                mutations: [Mutation(clientID: "c", mutationID: 1, leadID: lead.id, intent: .rejecting(.noResponse))]))
        let waiting = await CommandRun.leadrelayServer("recycle", "run", "--db", db, "--now", "2026-01-10")
        #expect(waiting.output.contains("0 of 1 recycled leads back in nurturing, 1 still cooling down"))
        let done = await CommandRun.leadrelayServer("recycle", "run", "--db", db, "--now", "2026-01-15T01:00:00Z")
        #expect(done.output.contains("1 of 1 recycled leads back in nurturing"))
        #expect(try store.lead(id: lead.id)?.stage == .nurturing)

        let text = await CommandRun.leadrelayServer("report", "quality", "--db", db)
        #expect(text.status == 0)
        #expect(
            text.output.contains(
                "3 handed · 1 reviewed · 0 accepted (0.0% of reviewed) · 1 rejected · 2 awaiting review (2 past the 24 h SLA, oldest "
            ))
        #expect(text.output.contains("no_response") && text.output.contains("could not reach after attempts"))
        let funnel = await CommandRun.leadrelayServer("report", "funnel", "--db", db, "--since", "2026-01-01")
        #expect(funnel.status == 0)
        #expect(funnel.output.contains("3 leads · 3 MQL → 0 accepted"))
        let html = folder.path("funnel.html")
        #expect(await CommandRun.leadrelayServer("report", "funnel", "--db", db, "--html", html).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<svg"))
        let both = await CommandRun.leadrelayServer("report", "quality", "--db", db, "--json", "--csv", "x.csv")
        #expect(both.status == 64)
        let badDate = await CommandRun.leadrelayServer("report", "funnel", "--db", db, "--since", "2026-02-30")
        #expect(badDate.status == 64)
    }
}
