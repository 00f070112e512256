import ArgumentParser
import Foundation
import LeadPipeline

/// The store options every admin verb and `serve` share: the embedded SQLite file (`--db`, the
/// default), or a PostgreSQL database (`--database`, else `LEADRELAY_DATABASE_URL`).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The SQLite store file (created when absent).")
    var databasePath: String = "./leadrelay.sqlite"

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "A PostgreSQL store instead of the SQLite file: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: $LEADRELAY_DATABASE_URL).",
            valueName: "url"))
    var databaseURL: String?

    /// Where the store is.
    /// - Throws: ``CommandFailure`` for a malformed URL.
    func location() throws -> StoreLocation {
        do {
            return try StoreLocation.choose(
                databaseURL: databaseURL, path: databasePath, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// Opens (creating and migrating when needed) the store, behind LeadPipeline's backend.
    /// - Throws: ``CommandFailure`` naming the store when it cannot be opened.
    func openBackend() throws -> LeadRelayBackend {
        let location = try location()
        do {
            return try LeadRelayBackend.open(location)
        } catch {
            throw CommandFailure("cannot open the store at \(location): \(error)")
        }
    }
}
