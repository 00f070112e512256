import LeadModel
import Testing

/// Every edge of SPEC §3.1, written out independently of the table under test.
private let specEdges: Set<String> = [
    "new→nurturing by score", "new→mql by score", "nurturing→mql by score", "mql→nurturing by score",
    "mql→assigned by route", "assigned→assigned by reassign", "assigned→accepted by accept",
    "assigned→recycled by reject_recyclable", "assigned→disqualified by reject_terminal",
    "accepted→converted by convert", "accepted→recycled by reject_recyclable",
    "accepted→disqualified by reject_terminal", "recycled→nurturing by cool_down_ended",
    "disqualified→nurturing by admin_reopen",
]

private func edgeName(_ from: LifecycleStage, _ to: LifecycleStage, _ trigger: StageTrigger) -> String {
    "\(from.rawValue)→\(to.rawValue) by \(trigger.rawValue)"
}

private struct Edge: CustomTestStringConvertible, Sendable {
    let from: LifecycleStage
    let to: LifecycleStage
    let trigger: StageTrigger
    var testDescription: String { edgeName(from, to, trigger) }
}

private let everyEdge: [Edge] = LifecycleStage.allCases.flatMap { from in
    LifecycleStage.allCases.flatMap { to in StageTrigger.allCases.map { Edge(from: from, to: to, trigger: $0) } }
}

@Suite("Stage transition table (SPEC §3.1)")
struct StageTransitionTableTests {
    @Test("every edge of the spec is allowed", arguments: everyEdge.filter { specEdges.contains($0.testDescription) })
    fileprivate func allowedEdge(_ edge: Edge) throws {
        #expect(StageTransitionTable.allows(from: edge.from, to: edge.to, trigger: edge.trigger))
        try StageTransitionTable.check(from: edge.from, to: edge.to, trigger: edge.trigger)
    }

    @Test(
        "every other edge is refused with both stages named",
        arguments: everyEdge.filter { !specEdges.contains($0.testDescription) })
    fileprivate func forbiddenEdge(_ edge: Edge) {
        #expect(throws: StageTransitionError(from: edge.from, to: edge.to, trigger: edge.trigger)) {
            try StageTransitionTable.check(from: edge.from, to: edge.to, trigger: edge.trigger)
        }
    }

    @Test func tableHasExactlyTheSpecEdges() {
        #expect(StageTransitionTable.allowed.count == specEdges.count)
        #expect(Set(StageTransitionTable.allowed.map { edgeName($0.from, $0.to, $0.trigger) }) == specEdges)
        #expect(everyEdge.count == 8 * 8 * StageTrigger.allCases.count)
    }

    @Test func errorMessageNamesBothStages() {
        let error = StageTransitionError(from: .converted, to: .converted, trigger: .convert)
        #expect(error.description == "a lead cannot move from 'converted' to 'converted' by convert")
    }

    @Test func convertedLeadCannotBeConvertedTwice() {
        #expect(StageTransitionTable.targets(from: .converted, trigger: .convert).isEmpty)
    }

    @Test func scoringNeverMovesALeadWithSales() {
        for stage in LifecycleStage.allCases where stage.isFrozenForRescoring {
            #expect(StageTransitionTable.targets(from: stage, trigger: .score).isEmpty)
        }
        #expect(
            LifecycleStage.allCases.filter(\.isFrozenForRescoring) == [.assigned, .accepted, .converted, .disqualified])
    }

    @Test func repScopeIsAssignedAndAccepted() {
        #expect(LifecycleStage.allCases.filter(\.isInRepScope) == [.assigned, .accepted])
    }
}
