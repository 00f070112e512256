import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LeadPipeline
import StoreContract

/// `reps add | list | deactivate`: the sales manager's roster.
struct RepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reps", abstract: "Manage the sales reps who receive qualified leads.",
        subcommands: [Add.self, List.self, Deactivate.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a rep.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The rep's display name.") var name: String
        @Option(help: "The rep's work email (unique among reps).") var email: String
        @Option(help: "The territory the router matches leads on (for example a country).") var territory: String?
        @Option(help: "Most open leads (assigned + accepted) the rep may hold.") var capacity: Int = Rep.defaultCapacity

        func validate() throws {
            if let (field, problem) = RosterRules.problem(
                name: name, email: email, territory: territory, capacity: capacity)
            {
                throw ValidationError("\(field == "name" ? "the rep's name" : "--\(field)"): \(problem)")
            }
        }

        func run() throws {
            let rep = Rep(name: name, email: EmailAddress(email), territory: territory, capacity: capacity)
            do {
                try store.openBackend().addRep(rep)
            } catch let error as LeadStoreError {
                throw CommandFailure(error.description)
            }
            Console.current.line("added rep \(rep.name) <\(rep.email.address)> id \(rep.id)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List reps.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions

        func run() throws {
            let reps = try store.openBackend().reps()
            if format.json {
                Console.current.line(try JSONOutput.render(reps))
                return
            }
            var table = TextTable("ID", "NAME", "EMAIL", "TERRITORY", "CAPACITY", "ACTIVE")
            for rep in reps {
                table.append([
                    rep.id.description, rep.name, rep.email.address, rep.territory ?? "-", String(rep.capacity),
                    rep.isActive ? "yes" : "no",
                ])
            }
            Console.current.line(table.rendered())
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Deactivate a rep: their tokens are revoked and their open leads re-routed (or taken into overflow).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var rules: RoutingRulesOptions
        @Argument(help: "The rep's id or email.") var rep: String

        func run() throws {
            let backend = try store.openBackend()
            let found: Rep?
            if let id = RepID(uuidString: rep) {
                found = try backend.rep(id: id)
            } else {
                found = try backend.rep(email: EmailAddress(rep))
            }
            guard let found else {
                throw CommandFailure("no rep with id or email '\(rep)'; see `leadrelay-server reps list`")
            }
            let routingRules = try rules.load()
            let summary = try backend.deactivation(rules: routingRules).run(found.id)
            Console.current.line("deactivated rep \(found.name) <\(found.email.address)>")
            Console.current.line(
                "revoked \(summary.tokensRevoked) device tokens; re-routed \(summary.routing.rerouted) of their open leads; "
                    + "\(summary.routing.releasedToOverflow) taken from them into overflow (no other rep could take them)"
            )
        }
    }
}
