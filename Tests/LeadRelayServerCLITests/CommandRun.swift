import CommandLineSupport
import Foundation
import LeadRelayServerCLI

/// Runs the real `leadrelay-server` command code in process, capturing what it prints.
struct CommandRun {
    let status: Int32
    let output: String
    let errorOutput: String

    init(_ captured: CapturedCommand) {
        (status, output, errorOutput) = (captured.status, captured.output, captured.errorOutput)
    }

    static func leadrelayServer(_ arguments: String...) async -> CommandRun {
        await leadrelayServer(arguments)
    }

    static func leadrelayServer(_ arguments: [String]) async -> CommandRun {
        CommandRun(await CapturedCommand.run { await LeadRelayServerCommand.execute(arguments: arguments) })
    }
}
