import Foundation
import PostgresNIO

/// Where a PostgreSQL store lives, read from a `postgres://` (or `postgresql://`) URL:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable]` (libpq's form; TLS is not
/// offered yet, so `sslmode=require` is refused).
public struct PostgresStoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// Its TCP port (5432 when the URL gives none).
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// Its password, when the URL gives one (never printed: see ``description``).
    public var password: String?
    /// The database name.
    public var database: String

    /// Reads a URL.
    /// - Throws: ``PostgresStoreError/badURL(_:)`` naming what is wrong.
    public init(url text: String) throws {
        guard let components = URLComponents(string: text),
            components.scheme == "postgres" || components.scheme == "postgresql"
        else { throw PostgresStoreError.badURL("\(Self.redacted(text)): expected postgres://USER@HOST:PORT/DATABASE") }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError.badURL("\(Self.redacted(text)): no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresStoreError.badURL("\(Self.redacted(text)): no user")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw PostgresStoreError.badURL("\(Self.redacted(text)): no database") }
        if let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value,
            mode != "disable", mode != "prefer", mode != "allow"
        {
            throw PostgresStoreError.badURL(
                "\(Self.redacted(text)): sslmode=\(mode) is not offered (TLS is not built in)")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
    }

    /// The URL with its password (for handing to another process; never for logs).
    public var connectionURL: String {
        let user = username.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? username
        let secret =
            password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? $0) } ?? ""
        return "postgres://\(user)\(secret)@\(host):\(port)/\(database)"
    }

    /// The URL without its password, for logs and errors.
    public var description: String { "postgres://\(username)@\(host):\(port)/\(database)" }

    /// The same server with another database (tests make one database per store).
    public func with(database: String) -> PostgresStoreLocation {
        var copy = self
        copy.database = database
        return copy
    }

    var connectionConfiguration: PostgresConnection.Configuration {
        PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable)
    }

    private static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
