import Foundation
import LeadModel
import LeadPipeline
import LeadScoring
import ServerStore

/// Import, scoring and evaluation on the real Leads.csv, through the admin verbs' code.
struct PipelineBenchmarks {
    let suite: BenchSuite

    func run() async throws {
        BenchTable.say("Import, scoring, evaluation (Leads.csv)")
        let db = suite.serverDatabase("pipeline")
        let mapping = suite.packageRoot.appendingPathComponent("mappings/x-education.yaml").path
        let modelFile = suite.packageRoot.appendingPathComponent("models/x-education.json").path

        let (_, importSeconds) = try await Stopwatch.time {
            try await BenchSuite.server(["import", "leads", suite.leadsCSV, "--mapping", mapping, "--db", db])
        }
        let store = try SQLiteLeadStore(path: db)
        let rows = try store.leadCount()
        suite.table.add(
            "import Leads.csv", "\(BenchTable.number(Double(rows) / importSeconds)) rows/s",
            "\(BenchTable.number(Double(rows))) rows in \(BenchTable.number(importSeconds, digits: 2)) s, `import leads`"
        )

        // The scorer alone, in memory: 1,000,000 leads cycling through the real rows.
        var leads: [Lead] = []
        var after: LeadID?
        while true {
            let page = try store.leads(after: after, limit: 1_000)
            guard let last = page.last else { break }
            after = last.id
            leads.append(contentsOf: page)
        }
        let model = try ScoringModelLoader.load(path: modelFile)
        let scorer = try LeadScorer(model: model)
        let now = Date()
        let total = 1_000_000
        let (qualified, scorerSeconds) = await Stopwatch.time { () -> Int in
            var qualified = 0
            for index in 0..<total where scorer.score(leads[index % leads.count], now: now).qualified {
                qualified += 1
            }
            return qualified
        }
        suite.table.add(
            "scoring in memory (LeadScorer)", "\(BenchTable.number(Double(total) / scorerSeconds)) leads/s",
            "1,000,000 leads cycling the 9,240 real rows, \(BenchTable.number(scorerSeconds, digits: 2)) s, \(qualified) qualified"
        )

        let (_, scoreSeconds) = try await Stopwatch.time {
            try await BenchSuite.server(["model", "set", modelFile, "--note", "bench", "--db", db])
        }
        suite.table.add(
            "scoring run over the store (`model set`)", "\(BenchTable.number(Double(rows) / scoreSeconds)) leads/s",
            "\(BenchTable.number(Double(rows))) leads in \(BenchTable.number(scoreSeconds, digits: 2)) s: scores and stage moves saved"
        )

        let (_, evaluateSeconds) = try await Stopwatch.time {
            try await BenchSuite.server(["evaluate", "--folds", "5", "--seed", "42", "--db", db])
        }
        suite.table.add(
            "evaluate (5 folds)", "\(BenchTable.number(evaluateSeconds, digits: 2)) s",
            "Leads.csv, stratified 5-fold cross-validation, `evaluate`")
    }
}
