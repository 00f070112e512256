import ArgumentParser
import CommandLineSupport
import LeadModel
import LeadPipeline

/// `stats`: lead counts by stage and by source.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Lead counts by stage and by source.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var format: OutputFormatOptions

    struct Stats: Encodable {
        var total: Int
        var byStage: [String: Int]
        var bySource: [String: Int]
        var outcomes: Outcomes
        /// MQLs no rep could take, waiting for the next `route`.
        var overflow: Int
        struct Outcomes: Encodable { var won: Int; var notWon: Int }
    }

    /// The label under which leads without a source are counted.
    static let noSourceLabel = "(none)"

    func run() throws {
        let backend = try store.openBackend()
        let byStage = try backend.leadCountsByStage()
        let bySource = try backend.leadCountsBySource()
        let outcomes = try backend.outcomeCounts()
        let stats = Stats(
            total: byStage.values.reduce(0, +),
            byStage: Dictionary(uniqueKeysWithValues: byStage.map { ($0.key.rawValue, $0.value) }),
            bySource: Dictionary(uniqueKeysWithValues: bySource.map { ($0.key ?? Self.noSourceLabel, $0.value) }),
            outcomes: .init(won: outcomes.won, notWon: outcomes.notWon), overflow: try backend.overflow().count)
        if format.json {
            Console.current.line(try JSONOutput.render(stats))
            return
        }
        Console.current.line("\(stats.total) leads")
        var stages = TextTable("STAGE", "LEADS")
        for stage in LifecycleStage.allCases { stages.append([stage.rawValue, String(byStage[stage] ?? 0)]) }
        Console.current.line(stages.rendered())
        Console.current.line()
        var sources = TextTable("SOURCE", "LEADS")
        for (source, count) in stats.bySource.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            sources.append([source, String(count)])
        }
        Console.current.line(sources.rendered())
        if outcomes.won + outcomes.notWon > 0 {
            Console.current.line()
            Console.current.line("outcomes from import: \(outcomes.won) won, \(outcomes.notWon) not won")
        }
        if stats.overflow > 0 {
            Console.current.line()
            Console.current.line(
                "overflow: \(stats.overflow) leads no rep could take (run `route` after adding capacity)")
        }
    }
}
