import ArgumentParser
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// The `--home` option every verb takes, and the rule that picks the data folder.
struct HomeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder holding this device's data (default: $LEADRELAY_HOME, else $XDG_DATA_HOME/leadrelay, else ~/.local/share/leadrelay).",
            valueName: "folder"))
    var home: String?

    /// The data folder: `--home`, else `LEADRELAY_HOME`, else the platform's usual place
    /// (`$XDG_DATA_HOME/leadrelay` or `~/.local/share/leadrelay` on Linux, Application Support on
    /// Apple platforms).
    func folder() -> URL {
        let variables = ClientEnvironment.current.variables
        if let home, !home.isEmpty { return URL(fileURLWithPath: home) }
        if let home = variables["LEADRELAY_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        #if canImport(Darwin)
            if let support = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask).first {
                return support.appendingPathComponent("LeadRelay")
            }
        #endif
        if let data = variables["XDG_DATA_HOME"], !data.isEmpty {
            return URL(fileURLWithPath: data).appendingPathComponent("leadrelay")
        }
        let user = variables["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return user.appendingPathComponent(".local/share/leadrelay")
    }

    /// Opens (creating the folder, owner-only, and the database when missing) this device's store.
    /// - Throws: ``CommandFailure`` (user error) when the folder or database cannot be opened.
    func open() throws -> LocalDatabase {
        let folder = folder()
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // Owner-only whatever the umask or the mode of a folder that was already there: it
            // holds the rep's leads and device token. A folder of another user cannot be changed;
            // the database inside is owner-only all the same.
            try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
            return try LocalDatabase(path: folder.appendingPathComponent(LocalDatabase.fileName).path)
        } catch {
            throw CommandFailure.user("cannot open the data folder \(folder.path): \(error); pick another with --home")
        }
    }

    /// Opens the store and reads the session.
    /// - Throws: ``CommandFailure`` (user error) when no rep is logged in.
    func openSession() throws -> (LocalDatabase, LocalSession) {
        let database = try open()
        guard let session = try database.session() else {
            throw CommandFailure.user("not logged in; run 'leadrelay login --server URL --token TOKEN' first")
        }
        return (database, session)
    }
}
