import CommandLineSupport
import Foundation
import LeadPipeline
import LeadRelayCLI
import LeadRelayServerCLI
import SQLiteStore
import StoreContract
import SyncProtocol

/// Runs the real `leadrelay` and `leadrelay-server` command code in process, capturing what it
/// prints. Each run is a fresh parse and a fresh open of the home's store: a new CLI process as far
/// as state goes.
struct CommandRun {
    let status: Int32
    let output: String
    let errorOutput: String

    init(_ captured: CapturedCommand) {
        (status, output, errorOutput) = (captured.status, captured.output, captured.errorOutput)
    }

    /// Runs `leadrelay` with `environment` (instant retries by default).
    static func leadrelay(_ arguments: [String], environment: ClientEnvironment = .test()) async -> CommandRun {
        CommandRun(
            await CapturedCommand.run {
                await ClientEnvironment.$current.withValue(environment) {
                    await LeadRelayCommand.execute(arguments: arguments)
                }
            })
    }

    /// Runs `leadrelay-server` (the admin verbs) in process.
    static func leadrelayServer(_ arguments: [String]) async -> CommandRun {
        CommandRun(await CapturedCommand.run { await LeadRelayServerCommand.execute(arguments: arguments) })
    }
}

extension ClientEnvironment {
    /// The tests' environment: no process variables, not a terminal, instant retry sleeps.
    static func test(
        pageLimit: Int = PullRequest.defaultLimit, attempts: Int = 3,
        wrapTransport: @escaping @Sendable (any SyncTransport) -> any SyncTransport = { $0 },
        wrapStore: @escaping @Sendable (any SyncLocalStore) -> any SyncLocalStore = { $0 }
    ) -> ClientEnvironment {
        ClientEnvironment(
            variables: [:], isTerminal: false, sleep: { _ in }, jitter: { 1 }, pageLimit: pageLimit,
            retryPolicy: RetryPolicy(maximumAttempts: attempts, initialDelay: 0.01), wrapTransport: wrapTransport,
            wrapStore: wrapStore)
    }
}

/// One CLI home folder: a device.
struct Device: Sendable {
    let home: String

    /// Runs `leadrelay VERB ARGS… --home HOME`.
    func run(_ arguments: String..., environment: ClientEnvironment = .test()) async -> CommandRun {
        await run(arguments, environment: environment)
    }

    /// Runs `leadrelay` with these arguments and `--home HOME` after the verb.
    func run(_ arguments: [String], environment: ClientEnvironment = .test()) async -> CommandRun {
        var full = arguments
        full.insert(contentsOf: ["--home", home], at: min(1, full.count))
        return await CommandRun.leadrelay(full, environment: environment)
    }
}
