import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract

/// The hand-off jobs at scale (issue 17), on a SQLite store on /dev/shm: `route` of 100,000 MQLs
/// (20,000 with `--quick`) to ``repCount`` reps, then an SLA round that finds every one of them
/// late and escalates each to another rep. Both through the pipeline's jobs (``Router/route()``,
/// which `leadrelay-server route` runs, and ``SLAEscalation/run(now:)``, which the scheduler
/// runs), one transaction each.
struct HandoffBenchmarks {
    let suite: BenchSuite
    static let repCount = 20

    func run() async throws {
        let count = suite.largeSync
        BenchTable.say("Hand-off jobs (\(BenchTable.number(Double(count))) MQLs, \(Self.repCount) reps)")
        let store = try SQLiteLeadStore(path: suite.serverDatabase("handoff-\(count)"))
        for index in 0..<Self.repCount {
            try store.addRep(
                Rep(
                    name: "Handoff \(index)", email: EmailAddress("handoff-\(index)@example.com"),
                    capacity: count))
        }
        let (ids, seedSeconds) = try await Stopwatch.time {
            try BenchSuite.seed(store, count: count, reps: [], prefix: "H")
        }
        BenchTable.say("  (seeded \(ids.count) MQLs in \(BenchTable.number(seedSeconds, digits: 1)) s)")

        let routedAt = Date()
        let (routing, routeSeconds) = try await Stopwatch.time {
            try Router(store: store, now: { routedAt }).route()
        }
        guard routing.routed == count else { throw BenchError("route handed over \(routing.routed) of \(count)") }
        let label = BenchTable.number(Double(count))
        suite.table.add(
            "route, \(label) MQLs to \(Self.repCount) reps", "\(BenchTable.number(routeSeconds, digits: 2)) s",
            "\(BenchTable.number(Double(count) / routeSeconds)) leads/s; one transaction (`Router.route`)")
        BenchTable.say("  route: \(BenchTable.number(routeSeconds, digits: 2)) s")

        let (sla, slaSeconds) = try await Stopwatch.time {
            try SLAEscalation(store: store).run(now: routedAt + 25 * 3_600)
        }
        guard sla.escalated == count else { throw BenchError("the SLA round escalated \(sla.escalated) of \(count)") }
        suite.table.add(
            "SLA round, \(label) late leads escalated", "\(BenchTable.number(slaSeconds, digits: 2)) s",
            "\(BenchTable.number(Double(count) / slaSeconds)) leads/s; each to another rep, a breach each")
        BenchTable.say("  SLA round: \(BenchTable.number(slaSeconds, digits: 2)) s")
    }
}
