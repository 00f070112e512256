import Foundation
import LeadModel
import LeadPipeline
import LeadScoring
import SQLiteStore
import StoreContract

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

        // The scorer alone, in memory, on one thread: 1,000,000 leads shaped like Leads.csv. The
        // 9,240 real rows are built by the importer's own intake with the shipped mapping (so they
        // share one attribute key table, as the leads of one import do) and scored in pages of
        // 1,000 through `LeadScorer.score(_:events:now:)`, the batch call `ScoringRun` makes per
        // page for `score`, `model set` and an import's rescoring: full scores (fit, engagement,
        // total, grade, qualified, model version, contributions in explanation order).
        let intake = try LeadIntake(path: suite.leadsCSV, mapping: try ImportMapping.load(path: mapping))
        var leads: [Lead] = []
        try intake.forEach { row in
            if case .record(let record) = row { leads.append(record.lead) }
        }
        let pageSize = 1_000
        let pages = stride(from: 0, to: leads.count, by: pageSize).map {
            Array(leads[$0..<Swift.min($0 + pageSize, leads.count)])
        }
        let model = try ScoringModelLoader.load(path: modelFile)
        let scorer = try LeadScorer(model: model)
        let now = Date()
        let total = 1_000_000
        // The pages, cycled until `total` leads (the last one cut to fit, outside the timing).
        var schedule: [[Lead]] = []
        var scheduled = 0
        while scheduled < total {
            let page = pages[schedule.count % pages.count]
            schedule.append(page.count <= total - scheduled ? page : Array(page.prefix(total - scheduled)))
            scheduled += schedule[schedule.count - 1].count
        }
        // Three runs each, the fastest reported (the machine is shared), with the CPU seconds of
        // that run: leads per CPU second is the single-core rate whatever else runs.
        func best(_ run: () -> Int) -> (qualified: Int, wall: Double, cpu: Double) {
            var runs: [(qualified: Int, wall: Double, cpu: Double)] = []
            for _ in 0..<3 {
                let timed = CPUClock.time(run)
                runs.append((timed.result, timed.wall, timed.cpu))
            }
            return runs.min { $0.wall < $1.wall } ?? (qualified: 0, wall: .nan, cpu: .nan)
        }
        let batched = best {
            var qualified = 0
            for page in schedule {
                let scores = scorer.score(page, now: now)
                for index in scores.indices where scores[index].qualified { qualified += 1 }
            }
            return qualified
        }
        suite.table.add(
            "scoring in memory (LeadScorer)", "\(BenchTable.number(Double(total) / batched.wall)) leads/s",
            "1,000,000 leads: the 9,240 Leads.csv rows as the import's intake builds them (one key table), "
                + "cycled in pages of 1,000 through the batch `score` a scoring run calls, one thread, best of 3: "
                + "\(BenchTable.number(batched.wall, digits: 3)) s wall, "
                + "\(BenchTable.number(Double(total) / batched.cpu)) leads per CPU second, \(batched.qualified) qualified"
        )
        func oneByOne(_ score: (Lead) -> LeadScore) -> (qualified: Int, wall: Double, cpu: Double) {
            best {
                var qualified = 0
                for page in schedule {
                    for lead in page where score(lead).qualified { qualified += 1 }
                }
                return qualified
            }
        }
        let oneAtATime = oneByOne { scorer.score($0, now: now) }
        suite.table.add(
            "scoring in memory, one lead at a time",
            "\(BenchTable.number(Double(total) / oneAtATime.wall)) leads/s",
            "the same leads through the single-lead `score` (the model's attributes resolved to slots per lead): "
                + "\(BenchTable.number(oneAtATime.wall, digits: 3)) s wall, "
                + "\(BenchTable.number(Double(total) / oneAtATime.cpu)) leads per CPU second, \(oneAtATime.qualified) qualified"
        )
        let reference = oneByOne { scorer.scoreRuleByRule($0, now: now) }
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
