/// Where the server's store lives: what `--db` names on `serve` and on every admin verb.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// The embedded SQLite store in this file (created when absent; its folder must exist).
    case sqlite(path: String)

    /// The location as an operator wrote it.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        }
    }
}
