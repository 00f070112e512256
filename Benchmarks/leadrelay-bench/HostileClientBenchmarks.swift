import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import SyncClient
import SyncProtocol
import TestSupport

/// Issue 21's rows, against `leadrelay-server serve` in a child process with its defaults
/// (idle timeout 30 s, request read timeout 60 s, connection cap 1,000):
/// - a normal rep's pull latency (p50, p99 of 300 no-change pulls) with no other client, then
///   while 500 silent connections and 50 clients sending a body a byte every half second are
///   connected, in the same run;
/// - the server's memory while 150 unauthenticated clients send 4 MiB bodies at once.
struct HostileClientBenchmarks {
    let suite: BenchSuite

    func run() async throws {
        BenchTable.say("Hostile clients (`serve` in a child process on 127.0.0.1, its default limits)")
        try await pullLatency()
        try await unauthenticatedBodies()
    }

    private func pullLatency() async throws {
        let db = suite.serverDatabase("hostile-latency")
        let store = try SQLiteLeadStore(path: db)
        let rep = Rep(name: "Calm Rep", email: EmailAddress("calm@example.com"))
        try store.addRep(rep)
        let token = try DeviceTokens(store: store).issue(repID: rep.id)
        _ = try BenchSuite.seed(store, count: 20, reps: [rep.id], prefix: "H")
        let output = suite.folder.appendingPathComponent("serve-hostile.out").path
        let pid = try ChildProcess.spawnSelf(["child-serve", db], output: output)
        defer { _ = try? ChildProcess.terminate(pid) }
        let port = try await FirstPullBenchmarks.boundPort(output)
        let transport = HTTPSyncTransport(serverURL: URL(string: "http://127.0.0.1:\(port)")!, token: token)
        var cursor: SyncCursor?
        while true {
            let page = try await transport.pull(PullRequest(cursor: cursor))
            cursor = page.cursor
            if !page.hasMore { break }
        }
        let quiet = try await latencies(transport, cursor: cursor, count: 300)

        let idle = try (0..<500).map { _ in try RawConnection(port: port) }
        let slow = try (0..<50).map { _ in try RawConnection(port: port) }
        for connection in slow {
            connection.send(
                "POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
            )
        }
        let dripping = Task.detached {
            while !Task.isCancelled {
                for connection in slow { connection.send(" ") }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        let loaded = try await latencies(transport, cursor: cursor, count: 300)
        dripping.cancel()
        _ = await dripping.value
        withExtendedLifetime(idle) {}
        suite.table.add(
            "pull latency, no other client (p50 / p99)",
            "\(Self.milliseconds(quiet, 0.5)) / \(Self.milliseconds(quiet, 0.99)) ms",
            "300 no-change pulls of one rep (20 leads held), one at a time, over HTTP")
        suite.table.add(
            "pull latency, 500 idle + 50 slow clients connected (p50 / p99)",
            "\(Self.milliseconds(loaded, 0.5)) / \(Self.milliseconds(loaded, 0.99)) ms",
            "the same pulls while 500 silent connections and 50 pushes sending a byte every 0.5 s are open")
    }

    private func unauthenticatedBodies() async throws {
        let db = suite.serverDatabase("hostile-bodies")
        _ = try SQLiteLeadStore(path: db)
        let output = suite.folder.appendingPathComponent("serve-bodies.out").path
        let peakFile = suite.folder.appendingPathComponent("serve-bodies-peak.txt").path
        let pid = try ChildProcess.spawnSelf(["child-serve", db, peakFile], output: output)
        let port: Int
        do {
            port = try await FirstPullBenchmarks.boundPort(output)
        } catch {
            _ = try? ChildProcess.terminate(pid)
            throw error
        }
        try await Task.sleep(for: .milliseconds(300))
        let before = Self.residentKiB(of: pid)
        let bodyBytes = 4 << 20
        let connections = try (0..<150).map { _ in try RawConnection(port: port) }
        for connection in connections {
            connection.send(
                "POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(bodyBytes)\r\n\r\n"
            )
        }
        let chunk = String(repeating: " ", count: 64 << 10)
        var answered401 = 0
        let (_, seconds) = try await Stopwatch.time { () async throws -> Void in
            for _ in 0..<(bodyBytes / chunk.utf8.count) {
                for connection in connections { connection.send(chunk) }
            }
            for connection in connections {
                if await connection.read(within: 2).text.hasPrefix("HTTP/1.1 401") { answered401 += 1 }
            }
        }
        let after = Self.residentKiB(of: pid)
        _ = try ChildProcess.terminate(pid)
        let peakText = (try? String(contentsOfFile: peakFile, encoding: .utf8)) ?? ""
        let peakKiB = Int(peakText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        suite.table.add(
            "server memory, 150 unauthenticated 4 MiB bodies at once",
            "\(Self.megabytes(before)) → \(Self.megabytes(after)) MB (peak \(Self.megabytes(peakKiB)))",
            "RSS of the `serve` child before and after, VmHWM at shutdown; \(answered401) of 150 answered 401, 600 MiB sent in \(BenchTable.number(seconds, digits: 1)) s"
        )
    }

    /// The pull latencies of `count` no-change pulls from `cursor`, one at a time, in seconds.
    private func latencies(_ transport: HTTPSyncTransport, cursor: SyncCursor?, count: Int) async throws -> [Double] {
        var times: [Double] = []
        times.reserveCapacity(count)
        for _ in 0..<count {
            let (_, seconds) = try await Stopwatch.time { try await transport.pull(PullRequest(cursor: cursor)) }
            times.append(seconds)
        }
        return times.sorted()
    }

    /// The `quantile` (0–1) of sorted `times`, in milliseconds with one decimal.
    static func milliseconds(_ times: [Double], _ quantile: Double) -> String {
        let index = min(times.count - 1, Int((Double(times.count) * quantile).rounded(.down)))
        return BenchTable.number(times[index] * 1_000, digits: 1)
    }

    /// KiB as MB with one decimal.
    static func megabytes(_ kibibytes: Int) -> String { BenchTable.number(Double(kibibytes) / 1_024, digits: 1) }

    /// The resident set (`VmRSS`, KiB) of process `pid`, 0 when unreadable.
    static func residentKiB(of pid: pid_t) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.dropFirst("VmRSS:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
                ?? 0
        }
        return 0
    }
}
