import Foundation

/// `leadrelay-server serve` as a process of its own (the executable SwiftPM built beside the test
/// bundle), on 127.0.0.1 and a port the system picks; stopped with SIGTERM, as an operator's
/// service manager would.
final class ServeProcess {
    /// The base URL devices log in to.
    let url: String
    private let process: Process
    private let output: URL

    struct StartFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// The built `leadrelay-server`: beside the test bundle in SwiftPM's build folder.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("leadrelay-server")
    }

    /// Starts `serve` with `storeArguments` (`--database URL` or `--db PATH`) and waits, up to 60 s,
    /// for its `listening on http://HOST:PORT` line.
    /// - Parameter folder: where its output file goes.
    /// - Throws: ``StartFailed`` when the executable is missing, exits, or prints no port in time.
    init(storeArguments: [String], folder: String) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            throw StartFailed(description: "no leadrelay-server at \(Self.executable.path): run `swift build` first")
        }
        output = URL(fileURLWithPath: folder).appendingPathComponent("serve-\(UUID().uuidString).out")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
            throw StartFailed(description: "cannot create \(output.path)")
        }
        process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--port", "0", "--log-level", "error"] + storeArguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<6_000 {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on http://"),
                let line = text[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).first,
                text[range.upperBound...].contains("\n"), let colon = line.lastIndex(of: ":"),
                let port = Int(line[line.index(after: colon)...])
            {
                url = "http://127.0.0.1:\(port)"
                return
            }
            guard process.isRunning else {
                throw StartFailed(description: "serve exited with status \(process.terminationStatus): \(text)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.terminate()
        throw StartFailed(description: "serve printed no port in 60 s")
    }

    /// Stops the process (SIGTERM: a graceful shutdown) and waits for it to exit.
    /// - Returns: its exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { _ = stop() }
}
