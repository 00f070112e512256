import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
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

        func push(_ request: PushRequest) async throws -> PushAnswer { try await inner.push(request) }
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

        func push(_ request: PushRequest) async throws -> PushAnswer {
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
                mutations: [Mutation(clientID: clientID, mutationID: 1, leadID: leadID, intent: .accept)])
        ).results
    }
}

extension Device {
    /// The device's database file.
    var databasePath: String { URL(fileURLWithPath: home).appendingPathComponent("leadrelay.sqlite").path }
}

/// Wraps the CLI's transport to make every request name another protocol version (a device
/// whose app is older than the server), so the real server answers it (S16).
struct ProtocolVersionOverride: SyncTransport {
    let inner: any SyncTransport
    let version: SyncProtocolVersion

    static func wrap(_ version: Int) -> @Sendable (any SyncTransport) -> any SyncTransport {
        { inner in ProtocolVersionOverride(inner: inner, version: SyncProtocolVersion(rawValue: version)) }
    }

    func pull(_ request: PullRequest) async throws -> PullPage {
        var request = request
        request.protocolVersion = version
        return try await inner.pull(request)
    }

    func push(_ request: PushRequest) async throws -> PushAnswer {
        var request = request
        request.protocolVersion = version
        return try await inner.push(request)
    }
}

/// Wraps the CLI's transport so that every push fails as a network failure would, while pulls
/// reach the server: a push that cannot get through must not stop the pull.
struct FailingPushes: SyncTransport {
    let inner: any SyncTransport

    static let wrap: @Sendable (any SyncTransport) -> any SyncTransport = { FailingPushes(inner: $0) }

    func pull(_ request: PullRequest) async throws -> PullPage { try await inner.pull(request) }

    func push(_ request: PushRequest) async throws -> PushAnswer {
        throw SyncTransportError.unavailable("connection reset during the push")
    }
}

/// Counts, through the transport and store ports, the pages the sync engine holds: a page is
/// held from the moment the transport returns it until the store applied it (a page with
/// nothing in it holds nothing). S15's "memory that does not
/// grow with the lead count" as a structural fact: never more than one page, and so never more
/// than one page's decoded leads, in hand.
final class PageLedger: Sendable {
    private struct State {
        var held = 0
        var heldLeads = 0
        var mostHeld = 0
        var mostHeldLeads = 0
        var pulls = 0
        var applied = 0
    }
    private let state = Mutex(State())

    /// The most pages held at once.
    var mostPagesHeld: Int { state.withLock { $0.mostHeld } }
    /// The most decoded leads (upserts) held at once.
    var mostLeadsHeld: Int { state.withLock { $0.mostHeldLeads } }
    /// Pages applied by the store.
    var pagesApplied: Int { state.withLock { $0.applied } }

    var wrapTransport: @Sendable (any SyncTransport) -> any SyncTransport {
        { inner in Transport(inner: inner, ledger: self) }
    }

    var wrapStore: @Sendable (any SyncLocalStore) -> any SyncLocalStore {
        { inner in Store(inner: inner, ledger: self) }
    }

    fileprivate func received(_ page: PullPage) {
        state.withLock {
            $0.pulls += 1
            // A page with nothing in it holds no lead (the engine may skip applying it).
            guard !page.upserts.isEmpty || !page.removals.isEmpty else { return }
            $0.held += 1
            $0.heldLeads += page.upserts.count
            $0.mostHeld = max($0.mostHeld, $0.held)
            $0.mostHeldLeads = max($0.mostHeldLeads, $0.heldLeads)
        }
    }

    fileprivate func applied(_ page: PullPage) {
        state.withLock {
            $0.applied += 1
            guard !page.upserts.isEmpty || !page.removals.isEmpty else { return }
            $0.held -= 1
            $0.heldLeads -= page.upserts.count
        }
    }

    struct Transport: SyncTransport {
        let inner: any SyncTransport
        let ledger: PageLedger

        func pull(_ request: PullRequest) async throws -> PullPage {
            let page = try await inner.pull(request)
            ledger.received(page)
            return page
        }

        func push(_ request: PushRequest) async throws -> PushAnswer { try await inner.push(request) }
    }

    struct Store: ForwardingSyncLocalStore {
        let inner: any SyncLocalStore
        let ledger: PageLedger

        func apply(_ page: PullPage) async throws {
            try await inner.apply(page)
            ledger.applied(page)
        }
    }
}

/// Wraps the CLI's transport to record how many mutations each push carried.
final class PushSizes: Sendable {
    private let sizes = Mutex<[Int]>([])

    /// The mutation count of each push, in order.
    var pushes: [Int] { sizes.withLock { $0 } }

    var wrap: @Sendable (any SyncTransport) -> any SyncTransport {
        { inner in Wrapped(inner: inner, recorder: self) }
    }

    struct Wrapped: SyncTransport {
        let inner: any SyncTransport
        let recorder: PushSizes

        func pull(_ request: PullRequest) async throws -> PullPage { try await inner.pull(request) }

        func push(_ request: PushRequest) async throws -> PushAnswer {
            recorder.sizes.withLock { $0.append(request.mutations.count) }
            return try await inner.push(request)
        }
    }
}

/// A device store that forwards every call to `inner`: a test wrapper implements only what it
/// watches or breaks.
protocol ForwardingSyncLocalStore: SyncLocalStore {
    var inner: any SyncLocalStore { get }
}

extension ForwardingSyncLocalStore {
    func cursor() async throws -> SyncCursor? { try await inner.cursor() }
    func unsentMutations(upTo lastID: Int64, limit: Int) async throws -> [Mutation] {
        try await inner.unsentMutations(upTo: lastID, limit: limit)
    }
    func lastQueuedMutationID() async throws -> Int64 { try await inner.lastQueuedMutationID() }
    func markSent(_ mutationIDs: [Int64], at date: Date) async throws {
        try await inner.markSent(mutationIDs, at: date)
    }
    func recordResults(_ results: [PushResult], at date: Date) async throws {
        try await inner.recordResults(results, at: date)
    }
    func serverLimits() async throws -> SyncLimits? { try await inner.serverLimits() }
    func acknowledgedThrough() async throws -> Int64? { try await inner.acknowledgedThrough() }
    func requeueAnswered(after lastApplied: Int64) async throws -> Int {
        try await inner.requeueAnswered(after: lastApplied)
    }
    func renumberUnsent(conflictsThrough: Int64, serverLastApplied: Int64) async throws -> [(old: Int64, new: Int64)] {
        try await inner.renumberUnsent(conflictsThrough: conflictsThrough, serverLastApplied: serverLastApplied)
    }
    func apply(_ page: PullPage) async throws { try await inner.apply(page) }
    func localDigest() async throws -> ScopeDigest { try await inner.localDigest() }
    func resetReplica() async throws { try await inner.resetReplica() }
    func recordSyncCompleted(at date: Date, digest: ScopeDigest, limits: SyncLimits?) async throws {
        try await inner.recordSyncCompleted(at: date, digest: digest, limits: limits)
    }
}
