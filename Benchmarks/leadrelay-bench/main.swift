import Foundation
import LeadRelayCLI

// `leadrelay-bench`: the benchmark suite (scripts/bench.sh builds it in release and runs it).
// `leadrelay-bench child-sync HOME` is the rep's `leadrelay sync` in a child process, so the parent
// can read the client's own peak memory.
let arguments = Array(CommandLine.arguments.dropFirst())
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
