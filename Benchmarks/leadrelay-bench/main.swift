import Foundation
import LeadModel
import LeadPipeline
import LeadRelayCLI
import LeadRelayServerCLI
import SQLiteStore
import StoreContract

// `leadrelay-bench`: the benchmark suite (scripts/bench.sh builds it in release and runs it).
// `leadrelay-bench child-sync HOME [PEAK-FILE]` is the rep's `leadrelay sync` in a child process,
// so the parent can read the client's own peak memory: the child writes its VmHWM (KiB) to PEAK-FILE.
// `leadrelay-bench sync-server N DB` seeds N leads for one rep in a new store at DB, serves it on a
// free port of 127.0.0.1 and prints the URL and the rep's token, until killed: a first sync to
// profile by hand (`leadrelay-bench child-sync HOME` under perf or /usr/bin/time).
// `leadrelay-bench child-serve DB|postgres://… [PEAK-FILE]` is `leadrelay-server serve` on port 0 in a child
// process, so the parent can read the server's own peak memory: after its graceful shutdown the
// child writes its VmHWM (KiB) to PEAK-FILE.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "child-serve", (2...3).contains(arguments.count) {
    setenv("LEADRELAY_ADMIN_TOKEN", "bench-admin", 1)  // never on a command line
    let store = arguments[1].hasPrefix("postgres://") ? ["--database", arguments[1]] : ["--db", arguments[1]]
    let status = await LeadRelayServerCommand.execute(
        arguments: ["serve"] + store + ["--port", "0", "--log-level", "error"])
    if arguments.count == 3 {
        try? ChildProcess.peakResidentKiB().description.write(toFile: arguments[2], atomically: true, encoding: .utf8)
    }
    exit(status)
}
if arguments.first == "child-sync", (2...3).contains(arguments.count) {
    let status = await ClientEnvironment.$current.withValue(ClientEnvironment(variables: [:], isTerminal: false)) {
        await LeadRelayCommand.execute(arguments: ["sync", "--home", arguments[1]])
    }
    if arguments.count == 3 {
        try? ChildProcess.peakResidentKiB().description.write(toFile: arguments[2], atomically: true, encoding: .utf8)
    }
    exit(status)
}
if arguments.first == "sync-server", arguments.count == 3, let count = Int(arguments[1]) {
    do {
        let store = try SQLiteLeadStore(path: arguments[2])
        let rep = Rep(name: "Bench Rep", email: EmailAddress("bench@example.com"))
        try store.addRep(rep)
        let token = try DeviceTokens(store: store).issue(repID: rep.id)
        _ = try BenchSuite.seed(store, count: count, reps: [rep.id], prefix: "S")
        let server = try await BenchServer.leadRelay(store: store, databasePath: arguments[2])
        FileHandle.standardOutput.write(Data("url \(server.url)\ntoken \(token)\n".utf8))
        try await server.task.value
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
do {
    try await BenchSuite(arguments: arguments).run()
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
