import Foundation
import LeadModel
import LocalStore
import SQLiteStore
import StoreContract
import TestSupport
import Testing

/// Issue 21 items 4 and 5: files owner-only whatever the umask or an existing folder's mode, and
/// admin parameters within sane bounds, through the real commands.
@Suite("secrets and bounds")
struct SecretsAndBoundsTests {
    static func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func storeFilesAndTheDeviceHomeAreOwnerOnly() async throws {
        let folder = try TemporaryFolder()
        // A store file that was there with group and other access, and a backup of it.
        let db = folder.path("store.sqlite")
        #expect(FileManager.default.createFile(atPath: db, contents: nil, attributes: [.posixPermissions: 0o644]))
        let added = await CommandRun.leadrelayServer(["reps", "add", "Ana", "--email", "ana@example.com", "--db", db])
        #expect(added.status == 0, "\(added.errorOutput)")
        #expect(try Self.mode(db) == 0o600)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            #expect(try Self.mode(db + suffix) == 0o600)
        }
        let backup = folder.path("backup.sqlite")
        #expect(await CommandRun.leadrelayServer(["backup", backup, "--db", db]).status == 0)
        #expect(try Self.mode(backup) == 0o600)

        // A device home that exists with 0755: tightened to 0700, its database 0600.
        let home = folder.path("home")
        try FileManager.default.createDirectory(
            atPath: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let leads = await Device(home: home).run("leads")
        #expect(leads.status == 1)  // not logged in; the home was opened all the same
        #expect(try Self.mode(home) == 0o700)
        #expect(try Self.mode(home + "/" + LocalDatabase.fileName) == 0o600)
    }

    @Test func adminParametersHaveSaneBounds() async throws {
        let folder = try TemporaryFolder()
        let db = folder.path("store.sqlite")
        let tooShort = await CommandRun.leadrelayServer(["sla", "run", "--hours", "0.001", "--db", db])
        #expect(tooShort.status == 64)
        #expect(tooShort.errorOutput.contains("at least a minute"))
        #expect(await CommandRun.leadrelayServer(["sla", "run", "--hours", "0.02", "--db", db]).status == 0)
        let longName = String(repeating: "n", count: 201)
        let named = await CommandRun.leadrelayServer(["reps", "add", longName, "--email", "n@example.com", "--db", db])
        #expect(named.status == 64)
        #expect(named.errorOutput.contains("longer than 200 characters"))
        let big = await CommandRun.leadrelayServer([
            "reps", "add", "Big", "--email", "big@example.com", "--capacity", "100001", "--db", db,
        ])
        #expect(big.status == 64)
        #expect(big.errorOutput.contains("must be 0 to 100000"))
    }
}
