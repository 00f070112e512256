import Foundation
import Synchronization
import TestSupport
import Testing

@testable import LeadRelayDemo

/// Issue 15 item 10: the demo leaves nothing behind unless asked to.
@Suite("leadrelay-demo cleans up")
struct DemoTemporaryFolderTests {
    @Test func withoutHomeOrKeepRunningTheTemporaryFolderIsRemoved() async throws {
        let inputs = try TemporaryFolder()
        // The first 300 leads of the real file (copied to a temporary folder for this run only).
        let lines = try String(contentsOfFile: DemoEndToEndTests.leadsCSV, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let small = inputs.path("leads-300.csv")
        try lines.prefix(301).joined(separator: "\n").appending("\n").write(
            toFile: small, atomically: true, encoding: .utf8)
        let printed = Mutex("")
        let output = DemoOutput { text in printed.withLock { $0 += text } }
        let status = await DemoOutput.$current.withValue(output) {
            await LeadRelayDemoCommand.execute(arguments: ["--leads", small])
        }
        let transcript = printed.withLock { $0 }
        #expect(status == 0, "\(transcript)")
        let storeLine = try #require(transcript.split(separator: "\n").first { $0.hasPrefix("Store: ") })
        let store = storeLine.dropFirst("Store: ".count).split(separator: " ")[0]
        let folder = URL(fileURLWithPath: String(store)).deletingLastPathComponent().path
        #expect(folder.contains("leadrelay-demo-"))
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(transcript.contains("the temporary folder \(folder) is removed"))
    }
}
