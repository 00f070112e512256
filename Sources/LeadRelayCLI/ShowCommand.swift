import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// `leadrelay show LEAD`: one lead's fields, score, reasons, stage and the rep's verdicts.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one lead: fields, score, grade, top reasons, stage, your verdicts (works offline).")

    @OptionGroup var home: HomeOptions

    @Argument(help: ArgumentHelp("The lead's id or any unique prefix of it.", valueName: "lead"))
    var lead: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let (database, _) = try home.openSession()
        let local = try database.lead(matching: lead)
        let history = try database.outbox(leadID: local.lead.leadID)
        let console = Console.current
        if json {
            console.line(try JSONOutput.render(LeadJSON(local, history: history)))
            return
        }
        let lead = local.lead
        var table = TextTable("FIELD", "VALUE")
        let fields: [(String, String?)] = [
            ("id", lead.leadID.description),
            ("name", [lead.firstName, lead.lastName].compactMap { $0 }.joined(separator: " ")),
            ("email", lead.email), ("phone", lead.phone), ("company", lead.company), ("title", lead.title),
            ("city", lead.city), ("country", lead.country), ("source", lead.source), ("external id", lead.externalID),
            (
                "consent",
                [lead.doNotEmail ? "do not email" : nil, lead.doNotCall ? "do not call" : nil].compactMap { $0 }
                    .joined(separator: ", ")
            ),
            (
                "stage",
                local.effectiveStage == lead.stage
                    ? lead.stage.rawValue
                    : "\(local.effectiveStage.rawValue) (server: \(lead.stage.rawValue), verdict not sent yet)"
            ),
            (
                "score",
                lead.scoreTotal.map {
                    "\(LeadFormatting.score($0)) (fit \(LeadFormatting.score(lead.fitScore)), engagement \(LeadFormatting.score(lead.engagementScore)))"
                }
            ),
            ("grade", lead.grade?.rawValue), ("model version", lead.modelVersion.map(String.init)),
            ("assigned", LeadFormatting.time(lead.assignedAt)),
        ]
        for (name, value) in fields {
            if let value, !value.isEmpty { table.append([name, value]) }
        }
        console.line(table.rendered())
        if !lead.topContributions.isEmpty {
            console.line()
            console.line("Top reasons:")
            for contribution in lead.topContributions {
                let sign = contribution.points >= 0 ? "+" : ""
                console.line(
                    "  \(sign)\(LeadFormatting.score(contribution.points))  \(contribution.label) (\(contribution.kind.rawValue))"
                )
            }
        }
        if !lead.notes.isEmpty {
            console.line()
            console.line("Notes:")
            for note in lead.notes { console.line("  \(LeadFormatting.time(note.createdAt))  \(note.text)") }
        }
        if !history.isEmpty {
            console.line()
            console.line("Your verdicts and notes:")
            for entry in history {
                console.line(
                    "  #\(entry.mutation.mutationID)  \(LeadFormatting.intent(entry.mutation.intent))  \(LeadFormatting.state(entry))"
                )
            }
        }
    }
}
