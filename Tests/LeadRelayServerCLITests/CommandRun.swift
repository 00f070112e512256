import CommandLineSupport
import Foundation
import LeadRelayServerCLI

/// Runs the real `leadrelay-server` command code in process, capturing what it prints.
struct CommandRun {
    let status: Int32
    let output: String
    let errorOutput: String

    init(_ captured: CapturedCommand) {
        (status, output, errorOutput) = (captured.status, captured.output, captured.errorOutput)
    }

    static func leadrelayServer(_ arguments: String...) async -> CommandRun {
        await leadrelayServer(arguments)
    }

    static func leadrelayServer(_ arguments: [String]) async -> CommandRun {
        CommandRun(await CapturedCommand.run { await LeadRelayServerCommand.execute(arguments: arguments) })
    }
}

/// A temporary folder for one test's store, removed when the test ends.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("leadrelay-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Paths of the package and of the shared data beside it (read-only in CI: never written).
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func sharedFile(_ relative: String) -> String { shared.appendingPathComponent(relative).path }
    static func packageFile(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }
}
