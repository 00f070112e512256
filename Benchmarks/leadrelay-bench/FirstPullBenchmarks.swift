import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncClient
import SyncProtocol

/// The first pull of a large scope for one rep (issue 4: "first pull of 100,000 leads for one
/// rep: time and server peak memory"), against `leadrelay-server serve` in a child process (the
/// bench binary re-executed as `child-serve DB PEAK-FILE`), so that the server's own peak RSS
/// (its VmHWM, written by the child at shutdown) is read. The client pulls every page (500 leads, the default) through the rep's transport and
/// decodes it, without a local store.
struct FirstPullBenchmarks {
    let suite: BenchSuite

    func run() async throws {
        let count = suite.largeSync
        BenchTable.say("First pull (`serve` in a child process on 127.0.0.1, pages of 500)")
        let db = suite.serverDatabase("first-pull-\(count)")
        let store = try SQLiteLeadStore(path: db)
        let rep = Rep(name: "Pull Rep", email: EmailAddress("pull-\(count)@example.com"))
        try store.addRep(rep)
        let token = try DeviceTokens(store: store).issue(repID: rep.id)
        let (_, seedSeconds) = try await Stopwatch.time {
            _ = try BenchSuite.seed(store, count: count, reps: [rep.id], prefix: "F\(count)-")
        }
        BenchTable.say("  (seeded \(count) assigned leads in \(BenchTable.number(seedSeconds, digits: 1)) s)")
        let output = suite.folder.appendingPathComponent("serve-\(count).out").path
        let peakFile = suite.folder.appendingPathComponent("serve-peak-\(count).txt").path
        let pid = try ChildProcess.spawnSelf(["child-serve", db, peakFile], output: output)
        let pulled: (leads: Int, pages: Int)
        let seconds: Double
        do {
            let port = try await Self.boundPort(output)
            let transport = HTTPSyncTransport(serverURL: URL(string: "http://127.0.0.1:\(port)")!, token: token)
            let timed = try await Stopwatch.time { () -> (leads: Int, pages: Int) in
                var cursor: SyncCursor?
                var leads = 0
                var pages = 0
                while true {
                    let page = try await transport.pull(PullRequest(cursor: cursor))
                    leads += page.upserts.count
                    pages += 1
                    cursor = page.cursor
                    if !page.hasMore { return (leads, pages) }
                }
            }
            pulled = timed.0
            seconds = timed.1
        } catch {
            _ = try? ChildProcess.terminate(pid)
            throw error
        }
        _ = try ChildProcess.terminate(pid)
        let peakText = (try? String(contentsOfFile: peakFile, encoding: .utf8)) ?? ""
        guard let peakKiB = Int(peakText.trimmingCharacters(in: .whitespacesAndNewlines)), peakKiB > 0 else {
            throw BenchError("the serve child reported no peak memory")
        }
        guard pulled.leads == count else { throw BenchError("the first pull got \(pulled.leads) of \(count) leads") }
        let label = BenchTable.number(Double(count))
        suite.table.add(
            "first pull, \(label) leads, one rep", "\(BenchTable.number(seconds, digits: 2)) s",
            "\(pulled.pages) pages over HTTP, decoded by the rep's transport (no local store); \(BenchTable.number(Double(count) / seconds)) leads/s"
        )
        suite.table.add(
            "first pull, \(label) leads: server peak memory",
            "\(BenchTable.number(Double(peakKiB * 1024) / 1_048_576, digits: 1)) MB",
            "peak RSS (VmHWM) of the `serve` child process, start to graceful shutdown")
    }

    /// The port in the child's `listening on http://HOST:PORT` line.
    /// - Throws: ``BenchError`` when it did not print one within 30 s.
    static func boundPort(_ output: String) async throws -> Int {
        for _ in 0..<3_000 {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on http://") {
                let rest = text[range.upperBound...].prefix { $0 != "\n" }
                if rest.count < text[range.upperBound...].count, let colon = rest.lastIndex(of: ":"),
                    let port = Int(rest[rest.index(after: colon)...])
                {
                    return port
                }
            }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        throw BenchError("the serve child printed no port in 30 s")
    }
}
