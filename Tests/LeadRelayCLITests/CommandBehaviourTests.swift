import Foundation
import LeadModel
import LeadPipeline
import LeadRelayCLI
import LocalStore
import SQLiteStore
import StoreContract
import SyncProtocol
import TestSupport
import Testing

/// The verbs' contract: exit statuses, one-line errors that say what to do, the home folder rule,
/// the progress bar, offline work.
@Suite("leadrelay commands", .serialized)
struct CommandBehaviourTests {
    @Test func reasonsListsEveryCodeWithItsMeaning() async {
        let run = await CommandRun.leadrelay(["reasons"])
        #expect(run.status == 0)
        for entry in ReasonCode.table {
            #expect(run.output.contains(entry.code.rawValue))
            #expect(run.output.contains(entry.meaning))
        }
        #expect(run.output.contains("needs --note"))
    }

    @Test func verbsNeedALoginFirst() async throws {
        let folder = try TemporaryFolder()
        let device = Device(home: folder.path("home"))
        for arguments in [["leads"], ["sync"], ["accept", "abc"], ["show", "abc"]] {
            let run = await device.run(arguments)
            #expect(run.status == 1)
            #expect(run.errorOutput.contains("leadrelay login"))
            #expect(run.errorOutput.split(separator: "\n").count == 1)
        }
        #expect(await device.run("status").output.contains("Not logged in"))
    }

    @Test func homeComesFromTheFlagThenLeadrelayHomeThenXDG() async throws {
        let folder = try TemporaryFolder()
        var environment = ClientEnvironment.test()
        environment.variables = ["LEADRELAY_HOME": folder.path("env-home"), "XDG_DATA_HOME": folder.path("xdg")]
        _ = await CommandRun.leadrelay(["status"], environment: environment)
        #expect(FileManager.default.fileExists(atPath: folder.path("env-home/leadrelay.sqlite")))
        environment.variables = ["XDG_DATA_HOME": folder.path("xdg"), "HOME": folder.path("user")]
        _ = await CommandRun.leadrelay(["status"], environment: environment)
        #expect(FileManager.default.fileExists(atPath: folder.path("xdg/leadrelay/leadrelay.sqlite")))
        environment.variables = ["HOME": folder.path("user")]
        _ = await CommandRun.leadrelay(["status"], environment: environment)
        #expect(FileManager.default.fileExists(atPath: folder.path("user/.local/share/leadrelay/leadrelay.sqlite")))
    }

    @Test func badInputIsAUserErrorOnOneLine() async throws {
        let world = try SyncWorld()
        let (r1, token) = try world.rep("R1")
        let ids = try world.seedQualifiedLeads(3)
        try world.assign(ids, to: r1)
        let server = try await LiveServer.start(world)
        defer { server.cancel() }
        let d1 = world.device("D1")

        let refused = await d1.run("login", "--server", server.url, "--token", "not-a-token")
        #expect(refused.status == 1)
        #expect(refused.errorOutput.contains("did not recognise this token"))
        #expect(await d1.run("login", "--server", "ftp://x", "--token", token).status == 1)
        #expect(await d1.run("login", "--server", server.url, "--token", token).status == 0)
        #expect(await d1.run("sync").status == 0)

        let id = ids[0].description
        let cases: [([String], String)] = [
            (["reject", id, "--reason", "other"], "--note"),
            (["reject", id, "--reason", "too_expensive"], "no_budget"),
            (["reject", id], "--reason"),
            (["accept", "zzzz"], "no lead on this device"),
            (["convert", id], "accepted"),
            (["leads", "--limit", "0"], "--limit"),
            (["leads", "--stage", "hot"], "assigned"),
            (["note", id, "  "], "empty"),
        ]
        for (arguments, hint) in cases {
            let run = await d1.run(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.errorOutput.contains(hint), "\(arguments): \(run.errorOutput)")
            #expect(run.errorOutput.split(separator: "\n").count == 1, "\(arguments): \(run.errorOutput)")
        }
        // Verdicts follow the stage the rep sees: accept, then convert, then nothing more.
        #expect(await d1.run("accept", id).status == 0)
        #expect(await d1.run("accept", id).status == 1)
        #expect(await d1.run("convert", id).status == 0)
        #expect(await d1.run("reject", id, "--reason", "no_need").status == 1)
        let logout = await d1.run("logout")
        #expect(logout.status == 1)
        #expect(logout.errorOutput.contains("leadrelay sync"))
        #expect(await d1.run("sync").output.contains("pushed 2"))
        #expect(try world.stage(ids[0]) == .converted)
        #expect(await d1.run("logout").status == 0)
        #expect(try LocalDatabase(path: d1.databasePath).session() == nil)
        #expect(await d1.run("leads").status == 1)
    }

    @Test func syncDrawsAProgressBarOnlyOnATerminal() async throws {
        let world = try SyncWorld()
        let (r1, token) = try world.rep("R1")
        try world.assign(try world.seedQualifiedLeads(30), to: r1)
        let server = try await LiveServer.start(world)
        defer { server.cancel() }
        let d1 = world.device("D1")
        #expect(await d1.run("login", "--server", server.url, "--token", token).status == 0)
        var terminal = ClientEnvironment.test(pageLimit: 10)
        terminal.isTerminal = true
        let drawn = await d1.run("sync", environment: terminal)
        #expect(drawn.status == 0)
        #expect(drawn.errorOutput.contains("pulling ["))
        #expect(drawn.errorOutput.contains("30/30 leads"))
        let quiet = await d1.run("sync", environment: .test(pageLimit: 10))
        #expect(quiet.errorOutput.isEmpty)
        #expect(quiet.output == "Synced: pulled 0, removed 0, pushed 0, refused 0. 30 leads on this device.\n")
        // The 8 characters `leads` shows: leads made together have sequential ids (see
        // SequentialUUIDGenerator), so a shorter prefix may name several.
        let shown = await d1.run(
            "show", String(try LocalDatabase(path: d1.databasePath).leads()[0].lead.leadID.description.prefix(8)),
            "--json")
        #expect(shown.status == 0)
        #expect(shown.output.contains("\"effectiveStage\" : \"assigned\""))
    }
}
