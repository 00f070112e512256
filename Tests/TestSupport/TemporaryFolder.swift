public import Foundation

/// A temporary folder for one test (a store, a CLI home, an input file), removed with everything
/// in it when the last reference goes away.
public final class TemporaryFolder: Sendable {
    /// The folder, created by `init`.
    public let url: URL

    /// Creates `leadrelay-test-<UUID>` under the temporary directory.
    ///
    /// - Parameter inMemory: under `/dev/shm` when it exists (a RAM-backed store for tests that
    ///   write many rows), else the temporary directory.
    /// - Throws: the file system's error when the folder cannot be created.
    public init(inMemory: Bool = false) throws {
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base =
            inMemory && FileManager.default.fileExists(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        url = base.appendingPathComponent("leadrelay-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder (not created).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
