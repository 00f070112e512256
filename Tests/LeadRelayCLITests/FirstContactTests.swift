import ArgumentParser
import Foundation
import LeadRelayCLI
import TestSupport
import Testing

/// Issue 15 item 10: what a new user meets first.
@Suite("first contact")
struct FirstContactTests {
    /// Every verb takes the same global option, `--home`, `reasons` included.
    @Test func everyVerbTakesHome() async throws {
        let folder = try TemporaryFolder()
        for verb in LeadRelayCommand.configuration.subcommands {
            #expect(verb.helpMessage().contains("--home"), "\(verb.configuration.commandName ?? "?")")
        }
        let reasons = await Device(home: folder.path("home")).run("reasons")
        #expect(reasons.status == 0, "\(reasons.errorOutput)")
        #expect(reasons.output.contains("no_budget"))
    }

    @Test func aMistypedTokenAtFirstLoginIsNotRecognisedNotRevoked() async throws {
        let world = try SyncWorld()
        let (_, token) = try world.rep("R1")
        let server = try await LiveServer.start(world)
        defer { Task { await server.stop() } }
        let device = world.device("D1")
        let short = await device.run("login", "--server", server.url, "--token", String(token.dropLast(2)))
        #expect(short.status == 1)
        #expect(
            short.errorOutput
                == "error: the server at \(server.url) did not recognise this token (a device token is 43 characters; this one has 41): check that it was copied whole, or ask your manager for a new one (leadrelay-server tokens issue)\n"
        )
        var wrong = Array(token)
        wrong[5] = wrong[5] == "A" ? "B" : "A"
        let typo = await device.run("login", "--server", server.url, "--token", String(wrong))
        #expect(typo.status == 1)
        #expect(typo.errorOutput.contains("did not recognise this token: check that it was copied whole"))
        #expect(!typo.errorOutput.contains("revoked"))
        #expect(!typo.errorOutput.contains("queued changes"))
        #expect(await device.run("login", "--server", server.url, "--token", token).status == 0)
    }

    /// `error: ` and one line, from both CLIs, whatever failed (argument parsing included).
    @Test func oneErrorPrefixStyleInBothCLIs() async throws {
        let folder = try TemporaryFolder()
        let runs = [
            await CommandRun.leadrelay(["leads", "--bogus", "--home", folder.path("home")]),
            await CommandRun.leadrelay(["reject", "abc", "--reason", "nonsense", "--home", folder.path("home")]),
            await CommandRun.leadrelayServer(["route", "--bogus"]),
            await CommandRun.leadrelayServer(["reps", "deactivate", "x@example.com", "--db", folder.path("s.sqlite")]),
        ]
        for run in runs {
            #expect(run.status != 0)
            #expect(run.errorOutput.hasPrefix("error: "), "\(run.errorOutput)")
            #expect(!run.errorOutput.hasPrefix("error: Error:"))
            #expect(run.errorOutput.split(separator: "\n").count == 1, "\(run.errorOutput)")
        }
    }
}
