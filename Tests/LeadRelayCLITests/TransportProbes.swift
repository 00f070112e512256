import Foundation
import LeadModel
import LeadPipeline
import ServerStore
import SyncClient
import SyncProtocol
import Synchronization

/// Wraps the CLI's transport to count pulls and upserts, run a hook before each pull, and "kill"
/// the CLI on one pull: the page is served by the server, then the process dies before applying it.
/// Keeps the HTTP transport's own ``TransferCounter`` (the bytes of the pull answers' bodies).
final class PullCounter: Sendable {
    private struct State {
        var pulls = 0
        var upserts = 0
        var received: TransferCounter?
    }
    private let state = Mutex(State())
    let dieOnPull: Int?
    let beforePull: @Sendable (Int) -> Void

    init(dieOnPull: Int?, beforePull: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.dieOnPull = dieOnPull
        self.beforePull = beforePull
    }

    var pulls: Int { state.withLock { $0.pulls } }
    var upserts: Int { state.withLock { $0.upserts } }
    /// The HTTP transport's count of pull answer bytes, once a sync wrapped one.
    var received: TransferCounter? { state.withLock { $0.received } }

    /// The wrapper to put in `ClientEnvironment.wrapTransport`.
    var wrap: @Sendable (any SyncTransport) -> any SyncTransport {
        { inner in
            if let http = inner as? HTTPSyncTransport { self.state.withLock { $0.received = http.received } }
            return Wrapped(inner: inner, counter: self)
        }
    }

    struct Killed: Error {}

    struct Wrapped: SyncTransport {
        let inner: any SyncTransport
        let counter: PullCounter

        func pull(_ request: PullRequest) async throws -> PullPage {
            let number = counter.state.withLock {
                $0.pulls += 1
                return $0.pulls
            }
            counter.beforePull(number)
            let page = try await inner.pull(request)
            counter.state.withLock { $0.upserts += page.upserts.count }
            if number == counter.dieOnPull { throw CancellationError() }
            return page
        }

        func push(_ request: PushRequest) async throws -> [PushResult] { try await inner.push(request) }
    }
}

/// Wraps the CLI's transport to run another CLI command while the first push is in flight.
final class PushHook: Sendable {
    private let result = Mutex<Int32?>(nil)
    let action: @Sendable () async -> Int32

    init(action: @escaping @Sendable () async -> Int32) { self.action = action }

    /// The exit status of the command run during the push.
    var status: Int32? { result.withLock { $0 } }

    var wrap: @Sendable (any SyncTransport) -> any SyncTransport {
        { inner in Wrapped(inner: inner, hook: self) }
    }

    struct Wrapped: SyncTransport {
        let inner: any SyncTransport
        let hook: PushHook

        func pull(_ request: PullRequest) async throws -> PullPage { try await inner.pull(request) }

        func push(_ request: PushRequest) async throws -> [PushResult] {
            if hook.status == nil {
                let status = await hook.action()
                hook.result.withLock { $0 = status }
            }
            return try await inner.push(request)
        }
    }
}

/// Direct HTTP calls with one rep's token, for the cases that go around the CLI (S17).
struct HTTPSyncTransportProbe {
    let transport: HTTPSyncTransport

    init(url: URL, token: String) { transport = HTTPSyncTransport(serverURL: url, token: token) }

    func pull() async throws -> PullPage { try await transport.pull(PullRequest()) }

    func push(clientID: String, leadID: LeadID) async throws -> [PushResult] {
        try await transport.push(
            PushRequest(
                clientID: clientID,
                mutations: [Mutation(clientID: clientID, mutationID: 1, leadID: leadID, intent: .accept)]))
    }
}

extension Device {
    /// The device's database file.
    var databasePath: String { URL(fileURLWithPath: home).appendingPathComponent("leadrelay.sqlite").path }
}
