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

    /// The default request body limit: 4 MiB, room for a push of 1,000 mutations or a batch of
    /// 1,000 leads with attributes.
    public static let defaultMaxRequestBodyBytes = SyncLimits.contractDefaults.maxRequestBytes

    /// Creates a configuration; every value has the `serve` default.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "./leadrelay.sqlite",
        adminToken: String? = nil, maxRequestBodyBytes: Int = Self.defaultMaxRequestBodyBytes,
        serverName: String = "leadrelay-server", slaHours: Double = SLAEscalation.defaultHours,
        followUpInterval: Duration = .seconds(300)
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.adminToken = adminToken
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.serverName = serverName
        self.slaHours = slaHours
        self.followUpInterval = followUpInterval
    }
}
