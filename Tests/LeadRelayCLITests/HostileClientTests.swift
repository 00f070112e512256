import Foundation
import LeadModel
import LeadServer
import Logging
import SQLiteStore
import StoreContract
import SyncProtocol
import Synchronization
import TestSupport
import Testing

/// Issue 21: the real server (port 0) against silent, slow, rude and unauthenticated clients.
/// Every wait is bounded: timeouts of 1 second, reads of at most a few seconds.
@Suite("hostile clients", .serialized)
struct HostileClientTests {
    /// R1 with three leads, the server live with short timeouts and a small connection cap.
    static func opening(maxConnections: Int = 1_000, logger: Logger = LiveServer.quietLogger) async throws -> (
        SyncWorld, LiveServer, token: String, leads: [LeadID]
    ) {
        let world = try SyncWorld()
        let (rep, token) = try world.rep("R1")
        let leads = try world.seedQualifiedLeads(3)
        try world.assign(leads, to: rep)
        let server = try await LiveServer.start(
            world,
            configure: {
                $0.idleTimeoutSeconds = 1
                $0.requestReadTimeoutSeconds = 1
                $0.maxConnections = maxConnections
                $0.metricsToken = "metrics-secret"
                $0.adminToken = "admin-secret"
            }, logger: logger)
        return (world, server, token, leads)
    }

    @Test func silentAndSlowHeaderConnectionsAreClosedByTheIdleTimeout() async throws {
        let (_, server, _, _) = try await Self.opening()
        defer { server.cancel() }
        let silent = try RawConnection(port: server.port)
        let slowHeaders = try RawConnection(port: server.port)
        slowHeaders.send("POST /v1/sync/pull HTTP/1.1\r\nHost: x\r\n")
        #expect(await silent.read(within: 4).closed)
        #expect(await slowHeaders.read(within: 4).closed)
    }

    @Test func aBodySentByteByByteIsCutOffByTheRequestReadTimeout() async throws {
        let (_, server, token, _) = try await Self.opening()
        defer { server.cancel() }
        let slow = try RawConnection(port: server.port)
        slow.send(
            "POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
        )
        // One byte per 0.1 s at the most: the idle timeout never fires, and the 40 bytes take at
        // least 4 s, past the request read deadline; only that deadline can close it in the loop.
        var closed = false
        for _ in 0..<40 where !closed {
            if !slow.send("{") { closed = true }
            if !closed { closed = await slow.read(within: 0.1).closed }
        }
        #expect(closed)
    }

    @Test func connectionsOverTheCapAreAnswered503AtOnceAndNormalSyncGoesOnAfter() async throws {
        let (world, server, token, _) = try await Self.opening(maxConnections: 4)
        defer { server.cancel() }
        let hoarded = try (0..<4).map { _ in try RawConnection(port: server.port) }
        try await Task.sleep(for: .milliseconds(100))
        let excess = try RawConnection(port: server.port)
        let started = Date()
        let answer = await excess.read(within: 2)
        #expect(answer.text.hasPrefix("HTTP/1.1 503"), "\(answer.text)")
        #expect(answer.text.lowercased().contains("retry-after: 1"))
        #expect(answer.closed)
        #expect(Date().timeIntervalSince(started) < 1)
        // The hoarders are closed by the idle timeout; a device then syncs as usual.
        for connection in hoarded { #expect(await connection.read(within: 4).closed) }
        let device = world.device("D1")
        #expect(await device.run("login", "--server", server.url, "--token", token).status == 0)
        #expect(await device.run("sync").status == 0)
    }

    @Test func anUnauthenticatedBodyIsAnswered401BeforeItIsSent() async throws {
        let (_, server, _, _) = try await Self.opening()
        defer { server.cancel() }
        let rude = try RawConnection(port: server.port)
        rude.send(
            "POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4194304\r\n\r\n"
        )
        let answer = await rude.read(within: 0.9)
        #expect(answer.text.hasPrefix("HTTP/1.1 401"), "\(answer.text)")
        // A pull's body is small by contract: a large one is refused at its headers.
        let big = try RawConnection(port: server.port)
        big.send(
            "POST /v1/sync/pull HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
        )
        #expect(await big.read(within: 0.9).text.hasPrefix("HTTP/1.1 413"))
        // The router skips empty segments: the pull's bound holds on `//v1/sync/pull/` too.
        let sneaky = try RawConnection(port: server.port)
        sneaky.send(
            "POST //v1/sync/pull/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
        )
        #expect(await sneaky.read(within: 0.9).text.hasPrefix("HTTP/1.1 413"))
    }

    @Test func aClientHangingUpMidRequestIsNeitherA5xxNorAnErrorLog() async throws {
        let lines = LogLines()
        var logger = Logger(label: "hostile") { _ in lines }
        logger.logLevel = .info
        let (_, server, token, _) = try await Self.opening(logger: logger)
        defer { server.cancel() }
        do {
            let quitter = try RawConnection(port: server.port)
            quitter.send(
                "POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"protocolVersion\": 1"
            )
            try await Task.sleep(for: .milliseconds(200))
        }  // closed here, mid-body
        try await Task.sleep(for: .milliseconds(500))
        let metrics = try await Self.get(server, "/metrics", token: "metrics-secret")
        #expect(metrics.status == 200)
        #expect(!metrics.text.contains(#"status="500""#), "\(metrics.text)")
        #expect(metrics.text.contains(#"status="499""#), "the hang-up was not seen: \(metrics.text)")
        let loud = lines.text.split(separator: "\n").filter {
            $0.hasPrefix("warning") || $0.hasPrefix("error") || $0.hasPrefix("critical")
        }
        #expect(loud.isEmpty, "\(loud)")
        #expect(!lines.text.lowercased().contains("bearer"), "a token reached the log: \(lines.text)")
        #expect(try await Self.get(server, "/metrics", token: nil).status == 401)
    }

    @Test func queryStringsAreNotLoggedAndClientValuesAreEscaped() async throws {
        let lines = LogLines()
        var logger = Logger(label: "hostile") { _ in lines }
        logger.logLevel = .info
        let (_, server, token, leads) = try await Self.opening(logger: logger)
        defer { server.cancel() }
        _ = try await Self.get(server, "/v1/admin/reps?token=SECRET-IN-QUERY", token: nil)
        _ = try await Self.get(server, "/nothing/SECRET-IN-PATH", token: nil)
        let push = try await Self.post(
            server, "/v1/sync/push", token: token,
            json:
                #"{"protocolVersion": 1, "clientID": "d1 level=critical forged=\"yes\"", "mutations": [{"mutationID": 1, "leadID": "\#(leads[0])", "intent": {"kind": "addNote", "text": "called"}}]}"#
        )
        #expect(push.status == 200, "\(push.text)")
        let logged = lines.text
        #expect(!logged.contains("SECRET-IN-QUERY"))
        #expect(!logged.contains("SECRET-IN-PATH"))
        #expect(logged.contains(#"client="d1 level=critical forged=\"yes\"""#), "\(logged)")
        #expect(!logged.contains("client=d1 level"))
    }

    @Test func aCorrectedEmailMustBeAnEmail() async throws {
        let (world, server, token, leads) = try await Self.opening()
        defer { server.cancel() }
        let push = try await Self.post(
            server, "/v1/sync/push", token: token,
            json:
                #"{"protocolVersion": 1, "clientID": "d1", "mutations": [{"mutationID": 1, "leadID": "\#(leads[0])", "intent": {"kind": "correctContact", "fields": {"email": "not an email"}}}]}"#
        )
        #expect(push.status == 200)
        #expect(push.text.contains("invalid_mutation"))
        #expect(try world.store.lead(id: leads[0])?.email?.address != "not an email")
        // Each corrected field has the admin batch's length (company 200): more is `too_large`.
        let company = String(repeating: "c", count: 201)
        let long = try await Self.post(
            server, "/v1/sync/push", token: token,
            json:
                #"{"protocolVersion": 1, "clientID": "d1", "mutations": [{"mutationID": 2, "leadID": "\#(leads[0])", "intent": {"kind": "correctContact", "fields": {"company": "\#(company)"}}}]}"#
        )
        #expect(long.text.contains("too_large"), "\(long.text)")
        #expect(try world.store.lead(id: leads[0])?.company != company)
        // A NUL in a note refuses the push naming it.
        let nul = try await Self.post(
            server, "/v1/sync/push", token: token,
            json:
                #"{"protocolVersion": 1, "clientID": "d1", "mutations": [{"mutationID": 3, "leadID": "\#(leads[0])", "intent": {"kind": "addNote", "text": "X\u0000evil"}}]}"#
        )
        #expect(nul.status == 400)
        #expect(nul.text.contains("NUL"))
    }

    @Test func aMalformedChunkIsA400NotA5xx() async throws {
        let (_, server, token, _) = try await Self.opening()
        defer { server.cancel() }
        let broken = try RawConnection(port: server.port)
        broken.send(
            "POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"pro\r\nZZZ\r\n"
        )
        let answer = await broken.read(within: 2)
        #expect(answer.text.hasPrefix("HTTP/1.1 400"), "\(answer.text)")
        let metrics = try await Self.get(server, "/metrics", token: "metrics-secret")
        #expect(!metrics.text.contains(#"status="500""#), "\(metrics.text)")
    }

    @Test func nulBytesAreRefusedOnTheBatchPaths() async throws {
        let (_, server, _, leads) = try await Self.opening()
        defer { server.cancel() }
        let lead = try await Self.post(
            server, "/v1/admin/leads/batch", token: "admin-secret",
            json: #"{"leads": [{"externalID": "X\u0000evil", "email": "x@example.com"}]}"#)
        #expect(lead.status == 422)
        #expect(lead.text.contains("leads[0].externalID: contains a NUL byte"), "\(lead.text)")
        let event = try await Self.post(
            server, "/v1/admin/events/batch", token: "admin-secret",
            json:
                #"{"events": [{"leadID": "\#(leads[0])", "type": "web\u0000inar", "occurredAt": "2026-01-01T00:00:00Z"}]}"#
        )
        #expect(event.status == 422)
        #expect(event.text.contains("events[0].type: contains a NUL byte"), "\(event.text)")
    }

    // MARK: Helpers

    struct Answer {
        let status: Int
        let text: String
    }

    static func get(_ server: LiveServer, _ path: String, token: String?) async throws -> Answer {
        try await request(server, "GET", path, token: token, json: nil)
    }

    static func post(_ server: LiveServer, _ path: String, token: String?, json: String) async throws -> Answer {
        try await request(server, "POST", path, token: token, json: json)
    }

    static func request(_ server: LiveServer, _ method: String, _ path: String, token: String?, json: String?)
        async throws -> Answer
    {
        let connection = try RawConnection(port: server.port)
        var head = "\(method) \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        let body = json ?? ""
        if json != nil { head += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        connection.send(head + "\r\n" + body)
        let text = await connection.read(within: 5).text
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Answer(status: status, text: text)
    }
}

/// A log handler that keeps every line, for tests that read what the server logged.
final class LogLines: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}  // swiftlint:disable:this unused_setter_value
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}  // swiftlint:disable:this unused_setter_value
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}  // swiftlint:disable:this unused_setter_value
    }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        lines.withLock { $0.append("\(event.level) \(event.message) \(fields.joined(separator: " "))") }
    }
}
