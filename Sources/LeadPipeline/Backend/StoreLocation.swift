public import PostgresStore

/// Where the server's store lives: the embedded SQLite file (`--db PATH`, the default) or a
/// PostgreSQL database (`--database postgres://…` or `LEADRELAY_DATABASE_URL`), on `serve` and on
/// every admin verb.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// The embedded SQLite store in this file (created when absent; its folder must exist).
    case sqlite(path: String)
    /// A PostgreSQL database, shared by any number of processes.
    case postgres(PostgresStoreLocation)

    /// The environment variable read when no `--database` is given.
    public static let databaseURLVariable = "LEADRELAY_DATABASE_URL"

    /// PostgreSQL when `databaseURL` is given (or the environment's `LEADRELAY_DATABASE_URL`),
    /// else the SQLite file at `path`.
    /// - Throws: `PostgresStoreError.badURL` naming what is wrong with the URL.
    public static func choose(
        databaseURL: String?, path: String, environment: [String: String]
    ) throws -> StoreLocation {
        let url = databaseURL ?? environment[databaseURLVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let url else { return .sqlite(path: path) }
        return .postgres(try PostgresStoreLocation(url: url))
    }

    /// The location as an operator would write it (a URL without its password).
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let location): return location.description
        }
    }
}
