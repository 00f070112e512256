import Foundation
import LeadModel
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// `routing set | show | history` and the verbs that route with the stored rules when `--rules`
/// is absent.
@Suite("routing commands")
struct RoutingCommandTests {
    @Test func storedRulesAreWhatRouteUsesWithoutRules() async throws {
        let folder = try TemporaryFolder()
        let (db, rules, store) = try await HandoffCommandsTests.world(folder)
        let set = await CommandRun.leadrelayServer("routing", "set", rules, "--note", "Brazil to Ana", "--db", db)
        #expect(set.status == 0, "\(set.errorOutput)")
        #expect(set.output.contains("routing rules version 1 set from \(rules)"))
        let show = await CommandRun.leadrelayServer("routing", "show", "--db", db)
        #expect(show.output.contains("routing rules version 1"))
        #expect(show.output.contains("note: Brazil to Ana"))
        #expect(show.output.contains("reps: [ana@example.com]"))
        let json = await CommandRun.leadrelayServer("routing", "show", "--json", "--db", db)
        #expect(json.output.contains(#""version" : 1"#))

        // Ana (capacity 1) gets one of the two Brazilian leads; the other waits, as with --rules.
        let route = await CommandRun.leadrelayServer("route", "--db", db)
        #expect(route.status == 0)
        #expect(route.output.contains("routed 2 MQLs"))
        #expect(route.output.contains("1 waiting in overflow"))
        #expect(try store.overflow().first?.territory == "brazil")
    }

    @Test func aBadFileIsRefusedAndNothingIsStored() async throws {
        let folder = try TemporaryFolder()
        let (db, _, store) = try await HandoffCommandsTests.world(folder)
        let bad = folder.path("bad.yaml")
        try "territories: [{name: x, match: {country: [BR]}, reps: [nobody]}]".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let run = await CommandRun.leadrelayServer("routing", "set", bad, "--db", db)
        #expect(run.status == 1)
        #expect(run.errorOutput.contains("bad.yaml: territories[0]: 'nobody' is not a valid rep email"))
        #expect(try store.currentRoutingRules() == nil)
        let show = await CommandRun.leadrelayServer("routing", "show", "--db", db)
        #expect(show.status == 1)
        #expect(show.errorOutput.contains("no routing rules are stored"))
        let history = await CommandRun.leadrelayServer("routing", "history", "--db", db)
        #expect(history.output.contains("no routing rules are stored"))
    }
}
