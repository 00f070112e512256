import CommandLineSupport
import Foundation
import LeadModel
import LeadPipeline
import LeadRelayCLI
import LeadRelayServerCLI
import LeadScoring
import SQLiteStore
import StoreContract
import SyncProtocol

/// Every benchmark in one run, in release mode (scripts/bench.sh): the real command code and
/// services, on the real Leads.csv and on synthetic leads shaped like it, with requests to
/// 127.0.0.1 only, bounded in count and time.
struct BenchSuite {
    let packageRoot: URL
    let leadsCSV: String
    let folder: URL
    /// Where the servers' SQLite files go: /dev/shm when it exists (seeding is then not bound by fsync).
    let serverFolder: URL
    let table = BenchTable()
    /// Leads for the large first sync and the first pull (100,000 unless `--quick`).
    let largeSync: Int
    /// The groups to run (`--only pipeline|handoff|sync|server|verdicts|hostile|stores`, repeatable; `verdicts` is the
    /// verdict rows of `server` alone; `--server` is `--only server`, `--pipeline` is `--only pipeline`);
    /// all when empty.
    let only: Set<String>

    init(arguments: [String]) throws {
        packageRoot = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        leadsCSV =
            packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/x-education-leads/Leads.csv")
            .path
        guard FileManager.default.fileExists(atPath: leadsCSV) else {
            throw BenchError("no \(leadsCSV); run from the package root with ../shared/data beside it")
        }
        let id = UUID().uuidString.prefix(8).lowercased()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadrelay-bench-\(id)")
        let shm = URL(fileURLWithPath: "/dev/shm")
        serverFolder =
            FileManager.default.fileExists(atPath: shm.path)
            ? shm.appendingPathComponent("leadrelay-bench-\(id)") : folder
        largeSync = arguments.contains("--quick") ? 20_000 : 100_000
        var only: Set<String> = []
        for (index, argument) in arguments.enumerated() where argument == "--only" && index + 1 < arguments.count {
            let group = arguments[index + 1]
            guard ["pipeline", "handoff", "sync", "server", "verdicts", "hostile", "stores"].contains(group) else {
                throw BenchError(
                    "--only takes pipeline, handoff, sync, server, verdicts, hostile or stores, not '\(group)'")
            }
            only.insert(group)
        }
        if arguments.contains("--server") { only.insert("server") }
        if arguments.contains("--pipeline") { only.insert("pipeline") }
        self.only = only
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: serverFolder, withIntermediateDirectories: true)
    }

    func run() async throws {
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: serverFolder)
        }
        #if DEBUG
            let build = "debug build: figures are far below release"
        #else
            let build = "release build"
        #endif
        BenchTable.say("LeadRelay benchmarks (\(build)), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        if runs("pipeline") { try await PipelineBenchmarks(suite: self).run() }
        if runs("handoff") { try await HandoffBenchmarks(suite: self).run() }
        if runs("sync") { try await SyncBenchmarks(suite: self).run() }
        if runs("server") {
            try await LoadBenchmarks(suite: self).run()
            try await FirstPullBenchmarks(suite: self).run()
        } else if runs("verdicts") {
            try await LoadBenchmarks(suite: self).runVerdictsAlone()
        }
        if runs("server") || runs("hostile") { try await HostileClientBenchmarks(suite: self).run() }
        if runs("stores") { try await StoreComparisonBenchmarks(suite: self).run() }
        BenchTable.say("")
        BenchTable.say(table.markdown)
    }

    /// Whether the group runs: every group without `--only`, else the ones it names.
    func runs(_ group: String) -> Bool { only.isEmpty || only.contains(group) }

    /// Runs `leadrelay-server ARGUMENTS` in process with its output discarded.
    /// - Throws: ``BenchError`` with what it printed on standard error when it fails.
    static func server(_ arguments: [String]) async throws {
        let errors = ErrorText()
        let console = Console(writeOut: { _ in }, writeError: { errors.append($0) })
        let status = await Console.$current.withValue(console) {
            await LeadRelayServerCommand.execute(arguments: arguments)
        }
        guard status == 0 else { throw BenchError("leadrelay-server \(arguments[0]) failed: \(errors.text)") }
    }

    /// Runs `leadrelay ARGUMENTS` in process with its output discarded.
    static func client(_ arguments: [String]) async throws {
        let errors = ErrorText()
        let console = Console(writeOut: { _ in }, writeError: { errors.append($0) })
        let status = await Console.$current.withValue(console) {
            await ClientEnvironment.$current.withValue(ClientEnvironment(variables: [:], isTerminal: false)) {
                await LeadRelayCommand.execute(arguments: arguments)
            }
        }
        guard status == 0 else { throw BenchError("leadrelay \(arguments[0]) failed: \(errors.text)") }
    }

    /// A fresh server store file.
    func serverDatabase(_ name: String) -> String { serverFolder.appendingPathComponent("\(name).sqlite").path }

    /// Imports `count` synthetic qualified leads (fields shaped like Leads.csv rows), moves them to
    /// `mql` and hands them round robin to `reps`.
    static func seed(_ store: any HandoffStoreServices, count: Int, reps: [RepID], prefix: String) throws -> [LeadID] {
        let now = Date()
        let sources = ["google", "direct traffic", "olark chat", "organic search", "reference"]
        var ids: [LeadID] = []
        ids.reserveCapacity(count)
        for chunk in stride(from: 0, to: count, by: 5_000) {
            let leads = (chunk..<min(count, chunk + 5_000)).map { index in
                Lead(
                    externalID: "\(prefix)\(index)", firstName: "First\(index)", lastName: "Last\(index)",
                    email: EmailAddress("\(prefix.lowercased())\(index)@example.com"),
                    phone: "+91 98\(index % 100_000)",
                    company: "Company \(index % 97)", title: "Working Professional", country: "India", city: "Mumbai",
                    source: sources[index % sources.count], createdAt: now,
                    attributes: [
                        "total_visits": .number(Double(index % 12)), "page_views_per_visit": .number(2.5),
                        "last_activity": .text("Email Opened"),
                    ])
            }
            let outcomes = try store.importLeads(runID: ImportRunID()) { session in
                try leads.map { try session.upsert($0, dedupeKey: $0.externalID!).outcome }
            }
            for outcome in outcomes {
                guard case .created(let id) = outcome else { throw BenchError("seed: a lead was not created") }
                ids.append(id)
            }
        }
        // One transaction for the moves to `mql`, one per rep for the hand-offs (round robin).
        try store.transition(
            ids.map { StageTransitionRequest(leadID: $0, to: .mql, trigger: .score, actor: "bench:seed", at: now) })
        let assignment = LeadAssignment(store: store)
        for (offset, rep) in reps.enumerated() {
            let share = stride(from: offset, to: ids.count, by: reps.count).map { ids[$0] }
            try assignment.assign(share, to: rep, actor: "admin:bench")
        }
        return ids
    }
}
