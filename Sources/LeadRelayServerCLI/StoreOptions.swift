import ArgumentParser
import Foundation
import LeadPipeline

/// The `--db` option every admin verb shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The SQLite store file (created when absent).")
    var databasePath: String = "./leadrelay.sqlite"

    /// Opens (creating and migrating when needed) the store, behind LeadPipeline's backend.
    /// - Throws: ``CommandFailure`` naming the path when it cannot be opened.
    func openBackend() throws -> LeadRelayBackend {
        do {
            return try LeadRelayBackend.open(.sqlite(path: databasePath))
        } catch {
            throw CommandFailure("cannot open the store at \(databasePath): \(error)")
        }
    }
}
