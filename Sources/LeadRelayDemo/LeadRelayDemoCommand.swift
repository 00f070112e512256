public import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline

/// `leadrelay-demo`: the whole product on real data in one command. It imports the X Education
/// leads into a fresh embedded store, scores them, creates reps with device tokens, routes the
/// MQLs, starts the server on a free port, and drives the real `leadrelay` client code for one
/// rep (login, sync, list, accept one, reject two, sync), then prints the quality report.
public struct LeadRelayDemoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "leadrelay-demo",
        abstract:
            "Run LeadRelay end to end on the real X Education leads: import, score, route, sync, verdicts, report.",
        discussion: """
            Everything runs in this process through the real leadrelay-server and leadrelay command code, against a \
            fresh SQLite store in --home (default: a new temporary folder). With --keep-running the server stays up \
            and the demo prints how to log in as another rep from a second terminal; Ctrl-C stops it.
            """)

    @Option(
        help: ArgumentHelp("The leads CSV (default: ../shared/data/x-education-leads/Leads.csv).", valueName: "file"))
    var leads: String?

    @Option(help: ArgumentHelp("The column mapping (YAML).", valueName: "file"))
    var mapping: String = DemoPaths.defaultMapping

    @Option(help: ArgumentHelp("The scoring model (JSON or YAML).", valueName: "file"))
    var model: String = DemoPaths.defaultModel

    @Option(help: "How many sales reps to create.") var reps: Int = 5

    @Option(
        help: ArgumentHelp(
            "An empty or new folder for the demo's store and CLI homes (default: a temporary one).", valueName: "folder"
        ))
    var home: String?

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "Run on PostgreSQL instead of a SQLite file: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, a database with no leads yet (scripts/demo-postgres.sh starts a throwaway one).",
            valueName: "url"))
    var databaseURL: String?

    @Flag(help: "Leave the server running and print how to log in as another rep; stop with Ctrl-C.")
    var keepRunning = false

    public init() {}

    public func validate() throws {
        guard (2...100).contains(reps) else { throw ValidationError("--reps must be 2 to 100, not \(reps)") }
    }

    /// Runs the demo; the temporary folder it made (no `--home`, no `--keep-running`) is removed
    /// when it ends, whether it succeeded or not.
    /// - Throws: ``DemoFailure`` naming the step or option at fault.
    public func run() async throws {
        let settings = try settings()
        defer {
            if settings.removesHome { try? FileManager.default.removeItem(atPath: settings.home) }
        }
        _ = try await DemoRun(settings: settings).run()
    }

    /// The checked settings: input files found, the home folder created and empty of a store.
    /// - Throws: ``DemoFailure`` naming the option to fix.
    func settings() throws -> DemoRun.Settings {
        let leadsPath = leads ?? DemoPaths.defaultLeads
        guard let leadsFile = DemoPaths.resolve(leadsPath) else {
            throw DemoFailure(
                "no lead file at \(leadsPath); give the X Education Leads.csv (or another CSV) with --leads FILE")
        }
        guard let mappingFile = DemoPaths.resolve(mapping) else {
            throw DemoFailure("no mapping file at \(mapping); give one with --mapping FILE (see mappings/)")
        }
        guard let modelFile = DemoPaths.resolve(model) else {
            throw DemoFailure("no scoring model at \(model); give one with --model FILE (see models/)")
        }
        let folder: URL
        if let home {
            folder = URL(fileURLWithPath: home)
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "leadrelay-demo-\(UUID().uuidString.prefix(8).lowercased())")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DemoFailure(
                "cannot create the demo folder \(folder.path): \(error.localizedDescription); pick another with --home")
        }
        let databasePath = folder.appendingPathComponent("server.sqlite").path
        if FileManager.default.fileExists(atPath: databasePath) {
            throw DemoFailure("\(folder.path) already holds a demo store; give an empty folder with --home")
        }
        var settings = DemoRun.Settings(
            leadsFile: leadsFile, mappingFile: mappingFile, modelFile: modelFile, repCount: reps, home: folder.path,
            keepRunning: keepRunning, removesHome: home == nil && !keepRunning)
        if let databaseURL {
            let backend: LeadRelayBackend
            do {
                backend = try LeadRelayBackend.open(
                    StoreLocation.choose(databaseURL: databaseURL, path: databasePath, environment: [:]))
            } catch {
                throw DemoFailure("cannot open the PostgreSQL store: \(error)")
            }
            guard (try? backend.leadCount()) == 0 else {
                throw DemoFailure("the database at --database already holds leads; give the demo an empty one")
            }
            settings.databaseURL = databaseURL
        }
        return settings
    }

    /// Parses `arguments` (without the program name), runs the demo, and returns the exit status:
    /// 0 on success (and for `--help`), 1 when an input is missing or a step failed, 64 for a
    /// command line that does not parse. Errors go to standard error as one line starting `error:`.
    public static func execute(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let failure as DemoFailure {
            FileHandle.standardError.write(Data((Console.failureLine(failure.description) + "\n").utf8))
            return 1
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                DemoOutput.current.line(message)
                return 0
            }
            FileHandle.standardError.write(Data((Console.failureLine(message) + "\n").utf8))
            return code.rawValue
        }
    }
}
