import ArgumentParser
import CommandLineSupport
import Foundation
import LeadPipeline
import StoreContract

/// `routing set | show | history`: the versioned routing rules the server routes with (issue 6
/// item 1). `route`, `sla run`, `reps deactivate` and the server's own SLA round use the version
/// in force unless `--rules FILE` names another file for one run.
struct RoutingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing", abstract: "Store, show and list the routing rules the server routes with.",
        subcommands: [SetRules.self, Show.self, History.self])

    struct SetRules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Validate a routing rules file and store it as the version in force.",
            discussion: """
                The file is the format of routing/example.yaml. A file that does not parse is refused with the \
                place at fault, and the version in force stays. Same as PUT /v1/admin/routing-rules.
                """)
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions
        @Argument(help: "The routing rules file (YAML; see routing/example.yaml).") var file: String
        @Option(help: "Why the rules change (kept in the history).") var note: String?

        func run() throws {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot read the routing rules \(file): \(error.localizedDescription)")
            }
            let stored: StoredRoutingRules
            do {
                stored = try store.openBackend().routingRules.set(
                    document: text, source: file, createdBy: ModelCommand.author, note: note, at: Date())
            } catch let error as RoutingRulesError {
                throw CommandFailure(error.description)
            }
            if format.json { return Console.current.line(try JSONOutput.render(stored)) }
            Console.current.line("routing rules version \(stored.version) set from \(file)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the routing rules in force.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions

        func run() throws {
            guard let stored = try store.openBackend().currentRoutingRules() else {
                throw CommandFailure(
                    "no routing rules are stored (each rep's territory matches the lead's country); "
                        + "store some with `leadrelay-server routing set FILE`")
            }
            if format.json { return Console.current.line(try JSONOutput.render(stored)) }
            let console = Console.current
            console.line("routing rules version \(stored.version)")
            console.line("  set \(stored.createdAt.ISO8601Format()) by \(stored.createdBy)")
            if let note = stored.note { console.line("  note: \(note)") }
            console.line()
            console.line(stored.document.hasSuffix("\n") ? String(stored.document.dropLast()) : stored.document)
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every routing rules version, oldest first.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions

        func run() throws {
            let versions = try store.openBackend().routingRulesVersions()
            if format.json { return Console.current.line(try JSONOutput.render(versions)) }
            var table = TextTable("VERSION", "SET", "BY", "NOTE")
            for stored in versions {
                table.append([
                    "\(stored.version)", stored.createdAt.ISO8601Format(), stored.createdBy, stored.note ?? "",
                ])
            }
            Console.current.line(versions.isEmpty ? "no routing rules are stored" : table.rendered())
        }
    }
}
