import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LeadPipeline

/// `leads list | show`: what the store holds.
struct LeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads", abstract: "List and show leads.", subcommands: [List.self, Show.self, Assign.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List leads, oldest first.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions
        @Option(help: "Only leads in this stage (\(LifecycleStage.allCases.map(\.rawValue).joined(separator: ", "))).")
        var stage: LifecycleStage?
        @Option(help: "At most this many leads.") var limit: Int = 50

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1, not \(limit)") }
        }

        func run() throws {
            let leads = try store.openBackend().leads(stage: stage, limit: limit)
            if format.json {
                Console.current.line(try JSONOutput.render(leads))
                return
            }
            var table = TextTable("ID", "EXTERNAL ID", "NAME", "EMAIL", "SOURCE", "STAGE")
            for lead in leads {
                table.append([
                    lead.id.description, lead.externalID ?? "-", lead.fullName ?? "-", lead.email?.address ?? "-",
                    lead.source ?? "-", lead.stage.rawValue,
                ])
            }
            Console.current.line(table.rendered())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one lead with its attributes and stage history.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var format: OutputFormatOptions
        @Argument(help: "The lead's id (or a unique prefix of it), or its external id.") var id: String

        struct Detail: Encodable {
            var lead: Lead
            var emailValid: Bool?
            var history: [StageChange]
            var score: LeadScore?
        }

        func run() throws {
            let backend = try store.openBackend()
            let lead = try LeadLookup(backend: backend).lead(matching: id)
            let detail = Detail(
                lead: lead, emailValid: lead.email?.isValid, history: try backend.stageHistory(leadID: lead.id),
                score: try backend.currentScore(leadID: lead.id))
            if format.json {
                Console.current.line(try JSONOutput.render(detail))
                return
            }
            let console = Console.current
            console.line("lead \(lead.id)")
            var fields = TextTable("FIELD", "VALUE")
            let rows: [(String, String?)] = [
                ("external id", lead.externalID), ("name", lead.fullName),
                ("email", lead.email.map { $0.address + ($0.isValid ? "" : " (invalid)") }), ("phone", lead.phone),
                ("company", lead.company), ("title", lead.title), ("country", lead.country), ("city", lead.city),
                ("source", lead.source), ("do not email", lead.doNotEmail ? "yes" : "no"),
                ("do not call", lead.doNotCall ? "yes" : "no"), ("created", lead.createdAt?.ISO8601Format()),
                ("stage", lead.stage.rawValue),
                ("outcome", lead.outcome.map { ($0.won ? "won" : "not won") + " (\($0.label))" }),
            ]
            for (name, value) in rows { fields.append([name, value ?? "(missing)"]) }
            console.line(fields.rendered())
            console.line()
            console.line(LeadScoreText(score: detail.score).rendered)
            for (title, attributes) in [
                ("attributes", lead.attributes), ("post-contact (never scored)", lead.postContactAttributes),
            ]
            where !attributes.isEmpty {
                console.line()
                console.line(title + ":")
                var table = TextTable("NAME", "VALUE")
                for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
                    table.append([name, value.description])
                }
                console.line(table.rendered())
            }
            if let details = lead.outcome?.details, !details.isEmpty {
                console.line()
                console.line("outcome details:")
                var table = TextTable("NAME", "VALUE")
                for (name, value) in details.sorted(by: { $0.key < $1.key }) { table.append([name, value]) }
                console.line(table.rendered())
            }
            console.line()
            console.line("history:")
            var history = TextTable("AT", "FROM", "TO", "BY", "ACTOR", "REASON")
            for change in detail.history {
                history.append([
                    change.at.ISO8601Format(), change.from.rawValue, change.to.rawValue, change.trigger.rawValue,
                    change.actor, change.reason?.rawValue ?? "-",
                ])
            }
            console.line(detail.history.isEmpty ? "  (no stage changes yet)" : history.rendered())
        }
    }
}
