import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `restore BACKUP --db PATH`: a new store from a backup, with a new epoch.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Make a new store at --db from a backup, with a new sync epoch.",
        discussion: """
            Devices then rebuild their copies (their cursors are from the old epoch) and send again \
            the verdicts the backup does not hold. The target must not exist: move the old store away first.
            """)
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The backup file ('leadrelay-server backup').", valueName: "backup"))
    var backup: String

    func run() throws {
        guard FileManager.default.fileExists(atPath: backup) else { throw CommandFailure("no backup at \(backup)") }
        if case .postgres = try store.location() {
            throw CommandFailure(
                "restore is for the SQLite store; restore PostgreSQL with pg_restore into a new database, then give it a new epoch (docs/OPERATIONS.md)"
            )
        }
        guard !FileManager.default.fileExists(atPath: store.databasePath) else {
            throw CommandFailure(
                "\(store.databasePath) exists; move it away first (a restore never overwrites a store)")
        }
        let epoch: UUID
        do {
            epoch = try LeadRelayBackend.restore(backup: backup, to: .sqlite(path: store.databasePath))
        } catch {
            throw CommandFailure("cannot restore \(backup) to \(store.databasePath): \(error)")
        }
        Console.current.line(
            "restored \(backup) to \(store.databasePath) (sync epoch \(epoch.uuidString.lowercased()): devices rebuild their copies and resend what the backup lacks)"
        )
    }
}
