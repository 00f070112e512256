import Foundation
import StoreContract

/// The server's database files are the leads and the token hashes: owner-only (`0600`), whatever
/// the umask, for a new file and for one that was there before (issue 21 item 4). SQLite gives
/// the `-wal` and `-shm` files it creates the database file's mode; existing ones are set too.
enum OwnerOnlyFile {
    /// Creates `path` empty with mode `0600` when it is missing; sets `0600` on it and on its
    /// `-wal` and `-shm` files when they exist.
    /// - Throws: a Foundation error when the mode cannot be set (a file of another user).
    static func prepare(_ path: String) throws {
        let files = FileManager.default
        if !files.fileExists(atPath: path) {
            guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        for file in [path, path + "-wal", path + "-shm"] where files.fileExists(atPath: file) {
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }
}
