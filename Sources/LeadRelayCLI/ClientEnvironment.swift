public import Foundation
public import SyncProtocol

/// What the commands read from outside the arguments: environment variables, whether output is a
/// terminal, the clock, and the sync engine's knobs. The process's own by default; tests replace
/// it with `ClientEnvironment.$current.withValue` (instant sleeps, fixed page sizes, a transport
/// that fails on cue).
public struct ClientEnvironment: Sendable {
    /// Environment variables (`LEADRELAY_HOME`, `XDG_DATA_HOME`, `HOME`).
    public var variables: [String: String]
    /// Whether standard error is a terminal (then `sync` draws a progress bar).
    public var isTerminal: Bool
    /// The clock for queue and sync times.
    public var now: @Sendable () -> Date
    /// Waits between retries, in seconds.
    public var sleep: @Sendable (Double) async throws -> Void
    /// The jitter draw in 0…1 for retry delays.
    public var jitter: @Sendable () -> Double
    /// The pull page size, in changes.
    public var pageLimit: Int

    /// The page size `sync` asks for: 1,000 changes (the server serves up to 5,000). The server
    /// builds the next page while the device commits the last one, so smaller pages overlap the
    /// two sides' work more finely and keep less in memory at once: in release, 100,000 leads
    /// synced in 9.2 s at 56 MB peak with pages of 1,000, 12.6 s at 74 MB with 2,500, 15.0 s at
    /// 99.5 MB with 5,000 (500 was no faster than 1,000, for twice the requests and commits).
    public static let defaultPageLimit = 1_000
    /// How transient failures are retried.
    public var retryPolicy: RetryPolicy
    /// Wraps the HTTP transport (tests: to cut a sync short or count requests); identity by default.
    public var wrapTransport: @Sendable (any SyncTransport) -> any SyncTransport
    /// Wraps the device's store as the sync engine sees it (tests: to count what the engine
    /// hands it); identity by default.
    public var wrapStore: @Sendable (any SyncLocalStore) -> any SyncLocalStore
    /// Reads standard input to its end (a note given as `-`); the process's by default.
    public var readStandardInput: @Sendable () -> Data

    /// An environment; every knob but the variables has the process default.
    public init(
        variables: [String: String], isTerminal: Bool = false, now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Double) async throws -> Void = { seconds in
            try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
        },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        pageLimit: Int = Self.defaultPageLimit, retryPolicy: RetryPolicy = RetryPolicy(),
        wrapTransport: @escaping @Sendable (any SyncTransport) -> any SyncTransport = { $0 },
        wrapStore: @escaping @Sendable (any SyncLocalStore) -> any SyncLocalStore = { $0 },
        readStandardInput: @escaping @Sendable () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }
    ) {
        self.variables = variables
        self.isTerminal = isTerminal
        self.now = now
        self.sleep = sleep
        self.jitter = jitter
        self.pageLimit = pageLimit
        self.retryPolicy = retryPolicy
        self.wrapTransport = wrapTransport
        self.wrapStore = wrapStore
        self.readStandardInput = readStandardInput
    }

    /// The process's environment; a terminal when standard error is one.
    public static var process: ClientEnvironment {
        ClientEnvironment(variables: ProcessInfo.processInfo.environment, isTerminal: isatty(2) == 1)
    }

    /// The environment commands read in the current task.
    @TaskLocal public static var current: ClientEnvironment = .process
}
