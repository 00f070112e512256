public import Foundation
public import LeadModel
public import LeadScoring
public import StoreContract

/// Rescores leads under a scoring model and moves their stages (SPEC §3.1, §4; issue 3 item 3):
/// every lead not yet with sales, page by page, or only the leads given (after an events import).
///
/// Per lead: the score (with its model version and contributions) is saved, and the stage moves
/// by the score's `qualified`: `new` → `mql` or `nurturing`; `nurturing` → `mql`; `mql` →
/// `nurturing`. A lead already in the right stage is left alone (so a second run with nothing
/// changed moves nothing). A lead sales rejected before, or merged as a duplicate, goes back to
/// `mql` only when ``ReentryGate`` allows it: after its cool-down and on new engagement. `recycled` leads are scored but never moved here (the cool-down is the
/// recycling service's); `assigned`, `accepted`, `converted` and `disqualified` leads are neither
/// scored nor moved. Moves are recorded with actor ``actor``, trigger `score` and the model
/// version; each page of scores and moves is one store transaction.
public struct ScoringRun: Sendable {
    /// The actor recorded on the stage-history rows of scoring moves.
    public static let actor = "system:scoring"

    let store: any LeadStore & HandoffStore
    let clock: @Sendable () -> Date
    let pageSize: Int
    let reentryGate: ReentryGate

    /// A scoring service.
    /// - Parameters:
    ///   - store: where leads, events, scores and stages live.
    ///   - clock: the instant scores are computed at (decay reads it); injected for tests.
    ///   - pageSize: leads per page (and per transaction), default 1,000.
    ///   - reentryGate: the rule a rejected or merged lead must pass to become `mql` again.
    public init(
        store: any LeadStore & HandoffStore, clock: @escaping @Sendable () -> Date = { Date() },
        pageSize: Int = 1_000, reentryGate: ReentryGate = ReentryGate()
    ) {
        self.store = store
        self.clock = clock
        self.pageSize = Swift.max(1, pageSize)
        self.reentryGate = reentryGate
    }

    /// Scores every lead not with sales under `model`, whose `version` must be a saved version.
    /// - Throws: `ScoringModelError` for an invalid model; a store error
    ///   (``LeadStoreError/scoringModelNotFound(_:)`` when the version is not saved).
    public func run(model: ScoringModel) throws -> ScoringRunSummary {
        try store.atomically {
            let started = ContinuousClock.now
            let scorer = try LeadScorer(model: model)
            let now = clock()
            var summary = ScoringRunSummary(modelVersion: model.version)
            var lastID: LeadID?
            while true {
                let page = try store.leadsForRescoring(after: lastID, limit: pageSize)
                guard let last = page.last else { break }
                try score(page, scorer: scorer, now: now, into: &summary)
                lastID = last.id
            }
            summary.durationSeconds = Self.seconds(since: started)
            return summary
        }
    }

    /// Scores only `leadIDs` (say the leads an events import touched), leads with sales among
    /// them (their score moves, their stage does not: ``LifecycleStage/isRescoredOnChange``);
    /// unknown ids and converted or disqualified leads are skipped.
    /// - Throws: as ``run(model:)``.
    public func run(model: ScoringModel, leadIDs: [LeadID]) throws -> ScoringRunSummary {
        try store.atomically {
            let started = ContinuousClock.now
            let scorer = try LeadScorer(model: model)
            let now = clock()
            var summary = ScoringRunSummary(modelVersion: model.version)
            let unique = Array(Set(leadIDs)).sorted()
            for start in stride(from: 0, to: unique.count, by: pageSize) {
                let page = try unique[start..<Swift.min(start + pageSize, unique.count)].compactMap {
                    try store.lead(id: $0)
                }.filter(\.stage.isRescoredOnChange)
                try score(page, scorer: scorer, now: now, into: &summary)
            }
            summary.durationSeconds = Self.seconds(since: started)
            return summary
        }
    }

    /// The stage scoring moves a lead in `stage` to, given whether it qualifies; `nil` to stay.
    public static func target(from stage: LifecycleStage, qualified: Bool) -> LifecycleStage? {
        switch (stage, qualified) {
        case (.new, true), (.nurturing, true): return .mql
        case (.new, false), (.mql, false): return .nurturing
        default: return nil
        }
    }

    private func score(
        _ page: [Lead], scorer: LeadScorer, now: Date, into summary: inout ScoringRunSummary
    ) throws {
        guard !page.isEmpty else { return }
        let leadIDs = page.map(\.id)
        let events = try store.events(leadIDs: leadIDs)
        let rejections = try store.rejections(leadIDs: leadIDs)
        let mergeTargets = try store.mergeTargets(leadIDs: leadIDs)
        var moves: [StageTransitionRequest] = []
        // One batch: leads read in one page share an attribute key table, so the scorer resolves
        // the model's attribute names once per page.
        let scores = scorer.score(page, events: events, now: now)
        for (lead, score) in zip(page, scores) {
            if score.qualified { summary.qualified += 1 }
            if let target = Self.target(from: lead.stage, qualified: score.qualified) {
                if target == .mql {
                    let rejection = rejections[lead.id]
                    let decision = reentryGate.decide(
                        rejection: rejection, coolDownEnd: rejection?.coolDownUntil, currentScore: score.total,
                        now: now, mergedInto: mergeTargets[lead.id])
                    guard decision.allowsRequalification else {
                        summary.heldByReentryGate += 1
                        continue
                    }
                }
                moves.append(
                    StageTransitionRequest(
                        leadID: lead.id, to: target, trigger: .score, actor: Self.actor, at: now,
                        modelVersion: scorer.model.version))
            }
        }
        let applied = try store.saveScoringPage(scores: scores, moves: moves)
        summary.scored += page.count
        for change in applied {
            if change.to == .mql { summary.movedToMQL += 1 } else { summary.movedToNurturing += 1 }
        }
        summary.unchanged += page.count - applied.count
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
