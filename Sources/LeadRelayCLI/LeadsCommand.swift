import ArgumentParser
import CommandLineSupport
import Foundation
import LeadModel
import LocalStore
import SyncProtocol

/// `leadrelay leads`: the rep's queue, ranked by score (offline).
struct LeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "List the leads on this device, best score first (works offline).")

    @OptionGroup var home: HomeOptions

    @Option(help: ArgumentHelp("Only leads in this stage, as you see it (assigned, accepted, …).", valueName: "stage"))
    var stage: LifecycleStage?

    @Option(help: ArgumentHelp("score: best first; age: longest waiting first.", valueName: "order"))
    var sort: LeadSort = .score

    @Option(help: ArgumentHelp("At most this many leads.", valueName: "n"))
    var limit: Int?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let (database, _) = try home.openSession()
        let leads = try database.leads(stage: stage, sort: sort, limit: limit)
        let console = Console.current
        if json {
            console.line(try JSONOutput.render(leads.map { LeadJSON($0) }))
            return
        }
        guard !leads.isEmpty else {
            console.line(
                stage == nil ? "No leads on this device; run 'leadrelay sync'." : "No \(stage!.rawValue) leads.")
            return
        }
        var table = TextTable("RANK", "ID", "SCORE", "GRADE", "STAGE", "LEAD", "TOP REASON", "PENDING")
        for (index, local) in leads.enumerated() {
            let lead = local.lead
            table.append([
                String(index + 1), LeadFormatting.shortID(lead.leadID), LeadFormatting.score(lead.scoreTotal),
                lead.grade?.rawValue ?? "-", local.effectiveStage.rawValue, local.label,
                lead.topContributions.first.map { "\($0.label) (\(LeadFormatting.score($0.points)))" } ?? "",
                local.pendingVerdict.map(LeadFormatting.intent) ?? "",
            ])
        }
        console.line(table.rendered())
        console.line("\(leads.count) lead\(leads.count == 1 ? "" : "s").")
    }
}
