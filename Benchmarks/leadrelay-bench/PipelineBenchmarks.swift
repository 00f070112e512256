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
        // Three runs each, the fastest reported (the machine is shared), with the CPU seconds of
        // that run: leads per CPU second is the single-core rate whatever else runs.
        func best(_ score: (Lead) -> LeadScore) -> (qualified: Int, wall: Double, cpu: Double) {
            var runs: [(qualified: Int, wall: Double, cpu: Double)] = []
            for _ in 0..<3 {
                let run = CPUClock.time { () -> Int in
                    var qualified = 0
                    for index in 0..<total where score(leads[index % leads.count]).qualified { qualified += 1 }
                    return qualified
                }
                runs.append((run.result, run.wall, run.cpu))
            }
            return runs.min { $0.wall < $1.wall } ?? (qualified: 0, wall: .nan, cpu: .nan)
        }
        let compiled = best { scorer.score($0, now: now) }
        suite.table.add(
            "scoring in memory (LeadScorer)", "\(BenchTable.number(Double(total) / compiled.wall)) leads/s",
            "1,000,000 leads cycling the 9,240 real rows, one thread, best of 3: "
                + "\(BenchTable.number(compiled.wall, digits: 3)) s wall, "
                + "\(BenchTable.number(Double(total) / compiled.cpu)) leads per CPU second, \(compiled.qualified) qualified"
        )
        let reference = best { scorer.scoreRuleByRule($0, now: now) }
        suite.table.add(
            "scoring in memory, rule by rule (reference)",
            "\(BenchTable.number(Double(total) / reference.wall)) leads/s",
            "the same leads through `scoreRuleByRule` (each rule tested on its own): "
                + "\(BenchTable.number(reference.wall, digits: 3)) s wall, "
                + "\(BenchTable.number(Double(total) / reference.cpu)) leads per CPU second, \(reference.qualified) qualified"
        )

        let (_, scoreSeconds) = try await Stopwatch.time {
            try await BenchSuite.server(["model", "set", modelFile, "--note", "bench", "--db", db])
        }
        suite.table.add(
            "scoring run over the store (`model set`)", "\(BenchTable.number(Double(rows) / scoreSeconds)) leads/s",
            "\(BenchTable.number(Double(rows))) leads in \(BenchTable.number(scoreSeconds, digits: 2)) s: scores and stage moves saved"
        )

        var evaluations: [(wall: Double, cpu: Double)] = []
        for _ in 0..<3 {
            let run = try await CPUClock.time {
                try await BenchSuite.server(["evaluate", "--folds", "5", "--seed", "42", "--db", db])
            }
            evaluations.append((run.wall, run.cpu))
        }
        evaluations.sort { $0.wall < $1.wall }
        suite.table.add(
            "evaluate (5 folds)", "\(BenchTable.number(evaluations[1].wall, digits: 3)) s",
            "Leads.csv, stratified 5-fold cross-validation, `evaluate` in process (store read included), median of 3 "
                + "(\(evaluations.map { BenchTable.number($0.wall, digits: 3) }.joined(separator: ", ")) s wall; "
                + "\(BenchTable.number(evaluations[1].cpu, digits: 3)) s CPU)")
    }
}
