import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `backup FILE`: a consistent copy of the store while `serve` keeps running.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the store to a new file (serve may keep running).",
        discussion: "Restore it with 'leadrelay-server restore FILE --db PATH', never by copying the file back.")
    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("The new file to write (must not exist).", valueName: "file"))
    var file: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw CommandFailure("\(file) exists; a backup never overwrites a file")
        }
        let backend = try store.openBackend()
        do {
            try backend.backup(to: file)
        } catch {
            throw CommandFailure("cannot write the backup \(file): \(error)")
        }
        Console.current.line("backed up \(try store.location()) to \(file)")
    }
}
