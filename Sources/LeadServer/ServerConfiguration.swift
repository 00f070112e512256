import Foundation
public import LeadPipeline
internal import SyncProtocol

/// Everything `buildApplication` needs to know that is not code: where to listen, where the store
/// is, the admin secret and the request limits. `leadrelay-server serve` fills it from flags and
/// the environment; tests fill it directly.
public struct ServerConfiguration: Sendable {
    /// The address to bind, `127.0.0.1` by default.
    public var host: String
    /// The TCP port to bind; `0` lets the system choose a free one (the bound port is reported
    /// through `onServerRunning`).
    public var port: Int
    /// The SQLite store file (created and migrated when absent).
    public var databasePath: String
    /// A PostgreSQL store's `postgres://` URL, used instead of `databasePath` when set.
    public var databaseURL: String?
    /// The admin bearer token for the `/v1/admin/...` operations, or `nil` to refuse them all with
    /// 401 (only its SHA-256 is kept in memory).
    public var adminToken: String?
    /// The largest request body accepted, in bytes (4 MiB by default); a larger one is answered
    /// `413 payload_too_large`.
    public var maxRequestBodyBytes: Int
    /// The server's name in logs and the `Server` header.
    public var serverName: String
    /// Hours a lead may stay `assigned` before the follow-up SLA escalates it (24 by default).
    public var slaHours: Double
    /// How often the follow-up SLA and the recycling cool-downs are checked (5 minutes by default).
    public var followUpInterval: Duration
    /// How long a connection may stay silent, in seconds: before its first request's headers
    /// are in, and between a response and the next request on a kept-alive connection. Slow
    /// headers, idle keep-alive and half-open connections are closed then (30 by default).
    public var idleTimeoutSeconds: Int64
    /// How long a client may take to send one request from its headers to the end of its body, in
    /// seconds; the connection is closed after it (60 by default: 4 MiB at about 0.5 Mbit/s).
    public var requestReadTimeoutSeconds: Int64
    /// The most connections open at once; one more is answered `503` with `Retry-After` and
    /// closed at once (1,000 by default; `serve` lowers it below the process's descriptor limit).
    public var maxConnections: Int
    /// The bearer token `GET /metrics` requires, or `nil` for an open `/metrics` (only its
    /// SHA-256 is kept in memory).
    public var metricsToken: String?

    /// The default request body limit: 4 MiB, room for a push of 1,000 mutations or a batch of
    /// 1,000 leads with attributes.
    public static let defaultMaxRequestBodyBytes = SyncLimits.contractDefaults.maxRequestBytes

    /// Creates a configuration; every value has the `serve` default.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "./leadrelay.sqlite",
        databaseURL: String? = nil, adminToken: String? = nil,
        maxRequestBodyBytes: Int = Self.defaultMaxRequestBodyBytes,
        serverName: String = "leadrelay-server", slaHours: Double = SLAEscalation.defaultHours,
        followUpInterval: Duration = .seconds(300), idleTimeoutSeconds: Int64 = 30,
        requestReadTimeoutSeconds: Int64 = 60, maxConnections: Int = 1_000, metricsToken: String? = nil
    ) {
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.requestReadTimeoutSeconds = requestReadTimeoutSeconds
        self.maxConnections = maxConnections
        self.metricsToken = metricsToken
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.databaseURL = databaseURL
        self.adminToken = adminToken
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.serverName = serverName
        self.slaHours = slaHours
        self.followUpInterval = followUpInterval
    }
}
