import Foundation
import LeadRelayCLI
import LeadRelayServerCLI

// `leadrelay-bench`: the benchmark suite (scripts/bench.sh builds it in release and runs it).
// `leadrelay-bench child-sync HOME` is the rep's `leadrelay sync` in a child process, so the parent
// can read the client's own peak memory; `leadrelay-bench child-serve DB` is `leadrelay-server serve`
// on port 0 in a child process, so the parent can read the server's own peak memory.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "child-serve", arguments.count == 2 {
    exit(
        await LeadRelayServerCommand.execute(arguments: [
            "serve", "--db", arguments[1], "--port", "0", "--log-level", "error", "--admin-token", "bench-admin",
        ]))
}
if arguments.first == "child-sync", arguments.count == 2 {
    let status = await ClientEnvironment.$current.withValue(ClientEnvironment(variables: [:], isTerminal: false)) {
        await LeadRelayCommand.execute(arguments: ["sync", "--home", arguments[1]])
    }
    exit(status)
}
do {
    try await BenchSuite(arguments: arguments).run()
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
