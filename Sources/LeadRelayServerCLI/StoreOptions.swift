import ArgumentParser
import Foundation
import ServerStore

/// The `--db` option every admin verb shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The SQLite store file (created when absent).")
    var databasePath: String = "./leadrelay.sqlite"

    /// Opens (creating and migrating when needed) the store.
    /// - Throws: ``CommandFailure`` naming the path when it cannot be opened.
    func openStore() throws -> SQLiteLeadStore {
        do {
            return try SQLiteLeadStore(path: databasePath)
        } catch {
            throw CommandFailure("cannot open the store at \(databasePath): \(error)")
        }
    }
}
