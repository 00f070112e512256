import CommandLineSupport
import Foundation
import LeadRelayServerCLI
import Synchronization
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `leadrelay-server serve --port 0` run in process on a temporary SQLite file, answering a real
/// HTTP request over loopback.
@Suite struct LiveServeTests {
    @Test func servePortZeroPrintsItsPortAndAnswersHealth() async throws {
        let folder = try TemporaryFolder()
        // The admin token comes from a file: it never shows in the process list (issue 21 item 4).
        let tokenFile = folder.path("admin-token")
        try "live-admin\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let output = Mutex("")
        let console = Console(
            writeOut: { text in output.withLock { $0 += text } }, writeError: { _ in })
        let server = Task {
            await Console.$current.withValue(console) {
                await LeadRelayServerCommand.execute(arguments: [
                    "serve", "--db", folder.path("live.sqlite"), "--port", "0", "--admin-token-file", tokenFile,
                    "--log-level", "warning",
                ])
            }
        }
        defer { server.cancel() }
        var port: Int?
        for _ in 0..<200 where port == nil {
            try await Task.sleep(for: .milliseconds(50))
            let text = output.withLock { $0 }
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on http://127.0.0.1:") }) {
                port = Int(line.split(separator: ":").last ?? "")
            }
        }
        let bound = try #require(port, "serve printed: \(output.withLock { $0 })")
        #expect(bound > 0)
        let url = try #require(URL(string: "http://127.0.0.1:\(bound)/health"))
        let (data, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let body = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(body?["status"] as? String == "ok")
        var admin = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(bound)/v1/admin/reps")))
        admin.setValue("Bearer live-admin", forHTTPHeaderField: "Authorization")
        let (_, adminResponse) = try await URLSession.shared.data(for: admin)
        #expect((adminResponse as? HTTPURLResponse)?.statusCode == 200)
        // The store files are owner-only whatever the umask.
        for suffix in ["", "-wal", "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.path("live.sqlite") + suffix)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "live.sqlite\(suffix)")
        }
        server.cancel()
        let status = await server.value
        #expect(status == 0)
    }
}
