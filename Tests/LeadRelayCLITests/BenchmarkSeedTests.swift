import Foundation
import LeadModel
import LeadPipeline
import SQLiteStore
import StoreContract
import Testing

/// Seeds a server store for `scripts/bench-sync.sh`: `LEADRELAY_BENCH_DB=path` and
/// `LEADRELAY_BENCH_LEADS=n` (10,000 by default) write n qualified leads assigned to one rep and
/// print the rep's device token to `path.token`. Skipped (and quick) without the variable: a
/// benchmark is never a timed test.
@Suite("Benchmark seed")
struct BenchmarkSeedTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LEADRELAY_BENCH_DB"] != nil))
    func seedBenchmarkStore() throws {
        let environment = ProcessInfo.processInfo.environment
        let path = try #require(environment["LEADRELAY_BENCH_DB"])
        let count = environment["LEADRELAY_BENCH_LEADS"].flatMap(Int.init) ?? 10_000
        let world = try SyncWorld(databasePath: path)
        let (rep, token) = try world.rep("Bench")
        try world.assign(try world.seedQualifiedLeads(count), to: rep)
        try token.write(toFile: path + ".token", atomically: true, encoding: .utf8)
    }
}
